using Zhonghan.Adapters.WeCom.Model;
using Zhonghan.Testing;

namespace Zhonghan.Adapters.WeCom.Tests;

public class SharedScriptTests
{
    [Fact]
    public async Task TheLeadToOpportunityScriptPassesThroughWeCom()
    {
        await using var w = await WeComTestBot.StartAsync();
        var problems = await SharedScripts.RunAsync(SharedScripts.LeadToOpportunity, async text =>
        {
            var before = w.Fake.CallsTo("message/send").Count;
            var body = await (await w.SendTextAsync("zhangsan", text)).Content.ReadAsStringAsync();
            if (body.Length > 0) return SafeXml.ParseRoot(w.OpenReply(body)).Child("Content")!;
            // Not passive (a card, or slow): the answer went through message/send.
            var sent = await w.Fake.WaitForAsync("message/send", before + 1);
            await w.IdleAsync();
            return string.Join("\n", w.Fake.CallsTo("message/send").Skip(before).Select(c => c.Body!.ToJsonString(new System.Text.Json.JsonSerializerOptions
            {
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            })));
        });
        Assert.Empty(problems);
    }
}

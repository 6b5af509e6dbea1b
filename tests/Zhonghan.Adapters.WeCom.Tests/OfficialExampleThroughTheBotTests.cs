using System.Net;
using Zhonghan.Testing;

namespace Zhonghan.Adapters.WeCom.Tests;

/// <summary>The official worked example, posted to the running bot on the day it was made (so the timestamp window holds).</summary>
public class OfficialExampleThroughTheBotTests
{
    [Fact]
    public async Task TheOfficialUrlVerificationIsAnsweredWithTheBarePlaintext()
    {
        await using var w = await WeComTestBot.StartAsync(clock: TestClock.Create(Official.GetTime));
        var response = await w.Bot.Http.GetAsync("/api/wecom/callback?" + Official.GetQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Official.GetAnswer, System.Text.Encoding.UTF8.GetString(bytes)); // no BOM, quotes or newline
        Assert.Equal(Official.GetAnswer.Length, bytes.Length);
    }

    [Fact]
    public async Task TheOfficialPostIsAnsweredWithAnEncryptedReplyToItsSender()
    {
        await using var w = await WeComTestBot.StartAsync(clock: TestClock.Create(Official.PostTime));
        var query = $"msg_signature={Official.PostSignature}&timestamp={Official.PostTimestamp}&nonce={Official.PostNonce}";
        var response = await w.Bot.Http.SendAsync(WeComTestBot.Raw(query, Official.PostBody));
        var text = await w.ReplyTextAsync(response, "mycreate");
        Assert.Contains("还没有开通", text); // "mycreate" is no CRM user: told to ask an admin
        Assert.Contains("添加用户", text);
    }
}

using Zhonghan.Testing;
using Zhonghan.Adapters.WeCom.Model;

namespace Zhonghan.Adapters.WeCom.Tests;

/// <summary>
/// The sales room's quote approval, end to end through WeCom: the approval card is pushed as a template card with
/// one-shot buttons, the manager presses 同意 in WeCom, the card shows the outcome and the next approver is asked.
/// </summary>
public class QuoteApprovalThroughWeComTests : IAsyncLifetime
{
    private WeComTestBot w = null!;

    public async Task InitializeAsync() => w = await WeComTestBot.StartAsync();
    public async Task DisposeAsync() => await w.DisposeAsync();

    /// <summary>Sends text from a member; returns the passive reply's text ("" when it went through message/send).</summary>
    private async Task<string> Say(string user, string text)
    {
        var body = await (await w.SendTextAsync(user, text)).Content.ReadAsStringAsync();
        return body.Length == 0 ? "" : SafeXml.ParseRoot(w.OpenReply(body)).Child("Content")!;
    }

    private Task<FakeWeCom.Call> CardTo(string user, string title) =>
        w.Fake.WaitForAsync("message/send", c => c.Body!["touser"]!.GetValue<string>() == user
            && c.Body!["msgtype"]!.GetValue<string>() == "template_card"
            && c.Body!["template_card"]!["main_title"]!["title"]!.GetValue<string>().Contains(title));

    [Fact]
    public async Task AManagerApprovesAQuoteByPressingTheButtonInWeCom()
    {
        await Say("zhangsan", "新建商机 汇川 新一代伺服驱动器");
        await Say("zhangsan", "添加物料 伺服 STM32F103C8T6 100000 9");
        await Say("zhangsan", "推进 伺服 询报价");
        await Say("zhangsan", "询价 伺服");
        await Say("wangwu", "求价 伺服");
        await Say("zhaoliu", "定价 STM32F103C8T6 8.2 6周 2500");
        await Say("wangwu", "报价 伺服");

        var card = (await CardTo("lisi", "Q1")).Body!["template_card"]!;
        Assert.Equal("button_interaction", card["card_type"]!.GetValue<string>());
        var buttons = card["button_list"]!.AsArray();
        Assert.Equal(["同意", "驳回"], buttons.Select(b => b!["text"]!.GetValue<string>()));
        var approveKey = buttons[0]!["key"]!.GetValue<string>();
        Assert.StartsWith("act:", approveKey);

        var press = WeComTestBot.EventXml("lisi", "template_card_event", w.Now,
            $"<EventKey><![CDATA[{approveKey}]]></EventKey><TaskId><![CDATA[{card["task_id"]!.GetValue<string>()}]]></TaskId>" +
            "<CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[rc-quote-1]]></ResponseCode>");
        var answer = await w.ReplyTextAsync(await w.Bot.Http.SendAsync(w.Callback(press)), "lisi");
        Assert.Contains("已同意 · 李四", answer);

        var update = (await w.Fake.WaitForAsync("message/update_template_card", c => c.Body!["response_code"]!.GetValue<string>() == "rc-quote-1")).Body!;
        Assert.Equal("已同意 · 李四", update["button"]?["replace_name"]?.GetValue<string>() ?? update["template_card"]!["replace_text"]!.GetValue<string>());
        await CardTo("admin", "Q1"); // the next step of a large quote: the general manager (the admin here)
    }
}

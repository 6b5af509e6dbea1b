using Zhonghan.Testing;
using System.Net;
using Zhonghan.Adapters.WeCom.Model;
using Zhonghan.Storage;

namespace Zhonghan.Adapters.WeCom.Tests;

public sealed class WeComBotFixture : IAsyncLifetime
{
    public WeComTestBot W { get; private set; } = null!;
    public async Task InitializeAsync() => W = await WeComTestBot.StartAsync();
    public async Task DisposeAsync() => await W.DisposeAsync();
}

/// <summary>Encrypted callbacks through the whole running bot, read back from the encrypted passive reply.</summary>
public class CallbackTests(WeComBotFixture fixture) : IClassFixture<WeComBotFixture>
{
    private WeComTestBot W => fixture.W;

    private int FollowUps => W.Get<DocumentStore>().AllFollowUps().Count;

    [Fact]
    public async Task AFollowUpFromAKnownRepIsRecordedAndAnsweredPassively()
    {
        var before = FollowUps;
        var text = await W.ReplyTextAsync(await W.SendTextAsync("zhangsan", "跟进 汇川 电话确认样品到货 下次 下周三"), "zhangsan");
        Assert.Contains("已记录跟进", text);
        Assert.Equal(before + 1, FollowUps);
    }

    [Fact]
    public async Task AMessageDeliveredThreeTimesHasExactlyOneEffect()
    {
        var before = FollowUps;
        var xml = WeComTestBot.TextXml("zhangsan", "跟进 正泰电器 上门拜访陈经理 下次 下周五", W.NextId(), W.Now);
        var answers = new List<string>();
        for (var i = 0; i < 3; i++) answers.Add(await W.ReplyTextAsync(await W.Bot.Http.SendAsync(W.Callback(xml)), "zhangsan"));
        Assert.Equal(before + 1, FollowUps);
        // WeCom retries only when it did not get the answer, so each retry gets the same answer again.
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.DoesNotContain(W.Fake.CallsTo("message/send"), c => c.Body!.ToJsonString().Contains("上门拜访陈经理"));
    }

    [Fact]
    public async Task AnUnknownMemberIsToldInChineseToAskAnAdmin()
    {
        var text = await W.ReplyTextAsync(await W.SendTextAsync("stranger01", "帮助"), "stranger01");
        Assert.Contains("stranger01", text);
        Assert.Contains("联系管理员", text);
    }

    [Fact]
    public async Task AnAdminBindsAColleagueWhoCanThenUseTheBot()
    {
        var added = await W.ReplyTextAsync(await W.SendTextAsync("admin", "添加用户 chenba 陈八 销售 华东销售部"), "admin");
        Assert.Contains("陈八", added);
        var answer = await W.SendTextAsync("chenba", "我的线索");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.Content.ReadAsStringAsync();
        var text = body.Length == 0 ? "" : SafeXml.ParseRoot(W.OpenReply(body)).Child("Content")!;
        Assert.DoesNotContain("还没有开通", text);
    }

    [Fact]
    public async Task AnImageGetsAPoliteNoteThatOnlyTextIsHandled()
    {
        var xml = $"<xml><ToUserName>{Official.CorpId}</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>{W.Now}</CreateTime>" +
                  $"<MsgType>image</MsgType><PicUrl>http://127.0.0.1/x.png</PicUrl><MediaId>m1</MediaId><MsgId>{W.NextId()}</MsgId></xml>";
        var text = await W.ReplyTextAsync(await W.Bot.Http.SendAsync(W.Callback(xml)), "zhangsan");
        Assert.Contains("图片", text);
        Assert.Contains("文字", text);
    }

    [Fact]
    public async Task EnteringTheAppGreetsTheMemberWithTheHelp()
    {
        var sends = W.Fake.CallsTo("message/send").Count;
        var response = await W.Bot.Http.SendAsync(W.Callback(WeComTestBot.EventXml("lisi", "enter_agent", W.Now)));
        var body = await response.Content.ReadAsStringAsync();
        string said;
        if (body.Length > 0) said = SafeXml.ParseRoot(W.OpenReply(body)).Child("Content")!;
        else
        {
            // The help is longer than one passive message can hold: it follows through message/send.
            var calls = await W.Fake.WaitForAsync("message/send", sends + 2);
            said = string.Concat(calls.Skip(sends).Where(c => c.Body!["touser"]!.GetValue<string>() == "lisi")
                .Select(c => c.Body!["text"]?["content"]?.GetValue<string>()));
        }
        Assert.Contains("李四，你好", said);
        Assert.Contains("跟进", said);

        // Opening the chat again the same day: no second greeting.
        await W.IdleAsync();
        var sendsNow = W.Fake.CallsTo("message/send").Count;
        var again = await W.Bot.Http.SendAsync(W.Callback(WeComTestBot.EventXml("lisi", "enter_agent", W.Now + 60)));
        Assert.Equal("", await again.Content.ReadAsStringAsync());
        await W.IdleAsync();
        Assert.Equal(sendsNow, W.Fake.CallsTo("message/send").Count);
    }

    [Fact]
    public async Task ACommandAnsweredWithACardGoesThroughMessageSendAsATemplateCard()
    {
        var response = await W.SendTextAsync("zhangsan", "客户 汇川");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var card = (await W.Fake.WaitForAsync("message/send", c => c.Body!["msgtype"]!.GetValue<string>() == "template_card"
            && c.Body!["template_card"]!["main_title"]!["title"]!.GetValue<string>().Contains("汇川"))).Body!;
        Assert.Equal("zhangsan", card["touser"]!.GetValue<string>());
        Assert.Equal(WeComTestBot.AgentId, card["agentid"]!.GetValue<int>());
        Assert.Equal("button_interaction", card["template_card"]!["card_type"]!.GetValue<string>());
        Assert.StartsWith("cmd:下次跟进 #", card["template_card"]!["button_list"]![0]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task PressingACommandButtonRunsItsCommand()
    {
        var xml = WeComTestBot.EventXml("zhangsan", "template_card_event", W.Now,
            "<EventKey><![CDATA[cmd:下次跟进 汇川 下周四]]></EventKey><TaskId>zh_t</TaskId><ResponseCode>rc-cmd</ResponseCode>");
        var text = await W.ReplyTextAsync(await W.Bot.Http.SendAsync(W.Callback(xml)), "zhangsan");
        Assert.Contains("下次跟进", text);
        Assert.Empty(W.Fake.CallsTo("message/update_template_card")); // a command button stays usable
    }
}

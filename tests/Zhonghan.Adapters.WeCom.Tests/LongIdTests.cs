using Zhonghan.Testing;
using System.Net;
using Zhonghan.Core.Storage;

namespace Zhonghan.Adapters.WeCom.Tests;

/// <summary>Issue 11, item 2: ids that would break a storage key are bounded; numbers out of range are a 400.</summary>
public class LongIdTests(WeComBotFixture fixture) : IClassFixture<WeComBotFixture>
{
    private WeComTestBot W => fixture.W;

    [Fact]
    public async Task AMsgIdOfElevenHundredBytesIsAnsweredOnceNotA500()
    {
        var before = W.Get<Zhonghan.Storage.DocumentStore>().AllFollowUps().Count;
        var msgId = new string('7', 1100);
        var xml = WeComTestBot.TextXml("zhangsan", "跟进 汇川 长编号消息测试 下次 下周三", msgId, W.Now);
        var first = await W.Bot.Http.SendAsync(W.Callback(xml));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("已记录跟进", await W.ReplyTextAsync(first, "zhangsan"));
        // The same long id again is the same message: no second effect.
        Assert.Equal(HttpStatusCode.OK, (await W.Bot.Http.SendAsync(W.Callback(xml))).StatusCode);
        Assert.Equal(before + 1, W.Get<Zhonghan.Storage.DocumentStore>().AllFollowUps().Count);
    }

    [Fact]
    public async Task AClickWithAnElevenHundredDigitCreateTimeIsA400()
    {
        var xml = WeComTestBot.EventXml("zhangsan", "click", W.Now, "<EventKey><![CDATA[cmd:帮助]]></EventKey>")
            .Replace($"<CreateTime>{W.Now}</CreateTime>", $"<CreateTime>{new string('9', 1100)}</CreateTime>");
        var response = await W.Bot.Http.SendAsync(W.Callback(xml));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ALongEventKeyIsStillOneClick()
    {
        var xml = WeComTestBot.EventXml("zhangsan", "click", W.Now, $"<EventKey><![CDATA[cmd:帮助{new string('x', 2000)}]]></EventKey>");
        Assert.Equal(HttpStatusCode.OK, (await W.Bot.Http.SendAsync(W.Callback(xml))).StatusCode);
    }
}

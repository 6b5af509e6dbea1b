using Zhonghan.Testing;
using Microsoft.Extensions.DependencyInjection;
using Zhonghan.Adapters.WeCom.Messaging;
using Zhonghan.Adapters.WeCom.Robot;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;

namespace Zhonghan.Adapters.WeCom.Tests;

/// <summary>The WeCom messenger against the fake server: tokens, retries, rate limits, the member pace, cards, the robot.</summary>
[Collection(LogAssertingCollection.Name)]
public class OutboundTests(WeComBotFixture fixture) : IClassFixture<WeComBotFixture>
{
    private WeComTestBot W => fixture.W;
    private WeComMessenger Messenger => W.Get<WeComMessenger>();

    private static ConversationAddress To(string user) => ConversationAddress.For(Channels.WeCom, user);

    private IReadOnlyList<FakeWeCom.Call> TextsTo(string user) =>
        W.Fake.CallsTo("message/send").Where(c => c.Body!["touser"]!.GetValue<string>() == user).ToList();

    private static string Content(FakeWeCom.Call c) => c.Body!["text"]?["content"]?.GetValue<string>() ?? "";

    /// <summary>Moves the bot's clock on, flushing the member's outbox as the flusher would each tick, until <paramref name="count"/> messages were sent.</summary>
    private async Task AdvanceUntilAsync(string user, int count)
    {
        for (var i = 0; i < 200 && TextsTo(user).Count < count; i++)
        {
            W.Clock.Advance(OutboxFlusher.Interval);
            await Messenger.FlushAsync(user, default);
        }
        Assert.True(TextsTo(user).Count >= count, $"expected {count} messages to {user}, got {TextsTo(user).Count}");
    }

    [Fact]
    public async Task AnExpiredTokenIsRenewedOnceAndTheSendRetriedOnce()
    {
        await Messenger.SendAsync(To("wangwu"), [Reply.Of("预热")], SendOptions.Default, default);
        var tokensBefore = W.Fake.CallsTo("gettoken").Count;
        W.Fake.FailNext("message/send", 42001);
        var result = await Messenger.SendAsync(To("wangwu"), [Reply.Of("令牌过期后重发")], SendOptions.Default, default);
        Assert.True(result.Ok);
        Assert.Equal(tokensBefore + 1, W.Fake.CallsTo("gettoken").Count);
        var attempts = TextsTo("wangwu").Where(c => Content(c) == "令牌过期后重发").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(W.Fake.CurrentToken, attempts[1].Query["access_token"]);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedAndTheMessageArrivesOnce()
    {
        W.Fake.FailHttpNext("message/send", 503, times: 2);
        var result = await Messenger.SendAsync(To("zhaoliu"), [Reply.Of("服务器错误后重试")], SendOptions.Default, default);
        Assert.True(result.Ok);
        Assert.Equal(3, TextsTo("zhaoliu").Count(c => Content(c) == "服务器错误后重试"));
    }

    [Fact]
    public async Task ARateLimitedMessageIsKeptAndSentLaterNotDropped()
    {
        W.Fake.FailNext("message/send", 45009);
        var result = await Messenger.SendAsync(To("sunqi"), [Reply.Of("限流后补发")], SendOptions.Default, default);
        Assert.True(result.Ok);
        Assert.True(W.Get<WeComOutbox>().HasQueued("sunqi"));
        await AdvanceUntilAsync("sunqi", 2);
        Assert.Equal(2, TextsTo("sunqi").Count(c => Content(c) == "限流后补发"));
        Assert.False(W.Get<WeComOutbox>().HasQueued("sunqi"));
        Assert.Contains("errcode 45009 接口调用超过频率限制", W.LogText());
    }

    [Fact]
    public async Task AMemberOverThePaceGetsTheRestMergedIntoOneMessageLater()
    {
        for (var i = 1; i <= 28; i++)
            Assert.True((await Messenger.SendAsync(To("pace01"), [Reply.Of($"提醒 {i}")], SendOptions.Default, default)).Ok);
        Assert.Equal(25, TextsTo("pace01").Count); // the default pace: 25 a minute, under WeCom's silent 30
        await AdvanceUntilAsync("pace01", 26);
        var merged = TextsTo("pace01")[25];
        Assert.Equal("提醒 26\n\n提醒 27\n\n提醒 28", Content(merged));
    }

    [Fact]
    public async Task APermanentErrorIsReportedWithItsMeaning()
    {
        W.Fake.FailNext("message/send", 81013);
        var result = await Messenger.SendAsync(To("nobody"), [Reply.Of("发不出去")], SendOptions.Default, default);
        Assert.False(result.Ok);
        Assert.Contains("81013", result.Error);
        Assert.Contains("全部非法或无权限", result.Error);
        Assert.False(W.Get<WeComOutbox>().HasQueued("nobody"));
    }

    [Fact]
    public async Task ARepeatedSendWithTheSameIdempotencyKeyIsSentOnce()
    {
        var options = new SendOptions { IdempotencyKey = "reminder:42" };
        await Messenger.SendAsync(To("admin"), [Reply.Of("到期提醒")], options, default);
        await Messenger.SendAsync(To("admin"), [Reply.Of("到期提醒")], options, default);
        Assert.Single(TextsTo("admin"), c => Content(c) == "到期提醒");
    }

    [Fact]
    public async Task TheNotifierReachesAMemberThroughWeCom()
    {
        var lisi = W.Get<UserDirectory>().ByWeCom("lisi")!;
        var result = await W.Get<Notifier>().NotifyAsync(lisi, Reply.Of("审批提醒：报价 Q-0001 待处理"), default);
        Assert.True(result.Ok);
        Assert.Contains(TextsTo("lisi"), c => Content(c) == "审批提醒：报价 Q-0001 待处理");
    }

    [Fact]
    public async Task TheGroupRobotSendsMarkdownAndImagesWithTheirMd5()
    {
        var robot = W.Get<WeComRobot>();
        await robot.SendMarkdownAsync("robot-key-1", "## 华东销售部日报\n> 新线索 **3**", default);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };
        await robot.SendImageAsync("robot-key-1", png, default);
        var calls = W.Fake.CallsTo("webhook/send").Where(c => c.Query["key"] == "robot-key-1").ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal("## 华东销售部日报\n> 新线索 **3**", calls[0].Body!["markdown"]!["content"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(png), calls[1].Body!["image"]!["base64"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(png)), calls[1].Body!["image"]!["md5"]!.GetValue<string>());
    }

    [Fact]
    public async Task DigestsReachTheGroupRobotThroughTheCoreInterface()
    {
        var robot = Assert.Single(W.Bot.App.Services.GetServices<IGroupRobot>());
        var result = await robot.SendAsync("robot-key-2", "## 周报", [("funnel.png", new byte[] { 9, 9 })], default);
        Assert.True(result.Ok);
        Assert.Equal(["markdown", "image"], W.Fake.CallsTo("webhook/send").Where(c => c.Query["key"] == "robot-key-2")
            .Select(c => c.Body!["msgtype"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ImagesAreUploadedThenSentAsImageMessages()
    {
        var result = await Messenger.SendAsync(To("zhangsan"), [], new SendOptions { Images = [("chart.png", new byte[] { 1, 2, 3 })] }, default);
        Assert.True(result.Ok);
        Assert.NotEmpty(W.Fake.CallsTo("media/upload"));
        Assert.Contains(W.Fake.CallsTo("message/send"), c => c.Body!["image"]?["media_id"]?.GetValue<string>() == "media-1");
    }

    [Fact]
    public async Task NoTokenSecretOrRobotKeyIsEverLogged()
    {
        await Messenger.SendAsync(To("zhangsan"), [Reply.Of("日志检查")], SendOptions.Default, default);
        await W.Get<WeComRobot>().SendMarkdownAsync("robot-key-secret", "日报", default);
        var log = W.LogText();
        Assert.Contains("access_token renewed", log); // the log is being written
        Assert.DoesNotContain("tok-", log);
        Assert.DoesNotContain("app-secret", log);
        Assert.DoesNotContain("robot-key-secret", log);
    }
}

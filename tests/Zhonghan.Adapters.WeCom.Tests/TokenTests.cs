using Zhonghan.Adapters.WeCom.Api;
using Zhonghan.Adapters.WeCom.Messaging;
using Zhonghan.Core.Conversations;
using Zhonghan.Adapters.WeCom.Model;

namespace Zhonghan.Adapters.WeCom.Tests;

public class TokenTests
{
    [Fact]
    public async Task ARefusedGettokenIsNotAskedAgainUntilThePauseIsOver()
    {
        await using var w = await WeComTestBot.StartAsync();
        var messenger = w.Get<WeComMessenger>();
        var to = ConversationAddress.For(Channels.WeCom, "zhangsan");
        w.Fake.FailNext("gettoken", 40001);

        var first = await messenger.SendAsync(to, [Reply.Of("一")], SendOptions.Default, default);
        var second = await messenger.SendAsync(to, [Reply.Of("二")], SendOptions.Default, default);
        Assert.False(first.Ok);
        Assert.Contains("40001", first.Error);
        Assert.False(second.Ok);
        Assert.Single(w.Fake.CallsTo("gettoken"));

        w.Clock.Advance(WeComTokens.PauseAfterRefusal + TimeSpan.FromSeconds(1));
        Assert.True((await messenger.SendAsync(to, [Reply.Of("三")], SendOptions.Default, default)).Ok);
        Assert.Equal(2, w.Fake.CallsTo("gettoken").Count);
        Assert.Single(w.Fake.CallsTo("message/send"));
    }

    [Fact]
    public async Task TheTokenIsReusedUntilShortlyBeforeItExpires()
    {
        await using var w = await WeComTestBot.StartAsync();
        var messenger = w.Get<WeComMessenger>();
        var to = ConversationAddress.For(Channels.WeCom, "lisi");
        await messenger.SendAsync(to, [Reply.Of("一")], SendOptions.Default, default);
        w.Clock.Advance(TimeSpan.FromSeconds(7200 - 301 - 60)); // still fresh: renewed 5 minutes before 7200 s
        await messenger.SendAsync(to, [Reply.Of("二")], SendOptions.Default, default);
        Assert.Single(w.Fake.CallsTo("gettoken"));
        w.Clock.Advance(TimeSpan.FromSeconds(120));
        await messenger.SendAsync(to, [Reply.Of("三")], SendOptions.Default, default);
        Assert.Equal(2, w.Fake.CallsTo("gettoken").Count);
    }
}

using System.Net;
using Microsoft.Extensions.Options;
using Zhonghan.Core.Conversations;
using Zhonghan.Testing;

namespace Zhonghan.Adapters.WeCom.Tests;

public class ChannelSetupTests
{
    [Fact]
    public async Task WithoutACorpIdTheChannelIsOffAndTheCallbackSaysWhatToConfigure()
    {
        await using var bot = await TestBot.StartAsync();
        Assert.False(bot.Get<Notifier>().Has(Channels.WeCom));
        var get = await bot.Http.GetAsync("/api/wecom/callback?msg_signature=a&timestamp=1&nonce=1&echostr=x");
        var post = await bot.Http.PostAsync("/api/wecom/callback", new StringContent("<xml/>"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, get.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Contains("WeCom:CorpId", await post.Content.ReadAsStringAsync());
        Assert.Contains("帮助", string.Concat(await bot.ChatAsync("zhangsan", "帮助"))); // the rest of the bot works
    }

    [Fact]
    public async Task WithACorpIdEveryBadSettingIsNamedAtStart()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => TestBot.StartAsync(
            ["WeCom:CorpId=ww1234", "WeCom:Token=has space", "WeCom:EncodingAESKey=short"]));
        Assert.Contains("WeCom:AgentId", e.Message);
        Assert.Contains("WeCom:Secret", e.Message);
        Assert.Contains("WeCom:Token", e.Message);
        Assert.Contains("WeCom:EncodingAESKey", e.Message);
    }

    [Fact]
    public async Task WithACorpIdTheWeComMessengersAreRegistered()
    {
        await using var w = await WeComTestBot.StartAsync();
        Assert.True(w.Get<Notifier>().Has(Channels.WeCom));
        Assert.True(w.Get<Notifier>().Has(Channels.WeComKf));
    }
}

using Zhonghan.Core.People;
using Zhonghan.Testing;

namespace Zhonghan.Adapters.Teams.Tests;

/// <summary>绑定Teams: admins link a colleague's Teams account.</summary>
public sealed class BindTeamsCommandTests
{
    private const string Aad = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8";

    [Fact]
    public async Task AnAdminLinksATeamsAccountAndTheSenderThenResolvesToThatUser()
    {
        await using var chat = await ChatHarness.StartAsync();

        var reply = await chat.SendAsync("admin", $"绑定Teams 张三 {Aad.ToUpperInvariant()}");

        Assert.Equal($"✅ 已绑定：张三（zhangsan）↔ Teams {Aad}", reply);
        Assert.Equal("zhangsan", chat.Get<UserDirectory>().ResolveSender("teams", Aad)!.LocalName);
    }

    [Fact]
    public async Task OneTeamsAccountCannotBelongToTwoUsersAndCanBeUnlinked()
    {
        await using var chat = await ChatHarness.StartAsync();
        await chat.SendAsync("admin", $"绑定Teams zhangsan {Aad}");

        Assert.Contains("已经绑定给 张三（zhangsan）", await chat.SendAsync("admin", $"绑定Teams lisi {Aad}"));
        Assert.Contains("已解除", await chat.SendAsync("admin", "绑定Teams zhangsan 解除"));
        Assert.Null(chat.Get<UserDirectory>().ResolveSender("teams", Aad));
        Assert.Contains("✅ 已绑定：李四", await chat.SendAsync("admin", $"绑定 Teams lisi {Aad}"));
    }

    [Fact]
    public async Task AMalformedIdOrAnUnknownUserIsExplained()
    {
        await using var chat = await ChatHarness.StartAsync();

        Assert.Contains("不是有效的 Teams 对象 ID", await chat.SendAsync("admin", "绑定Teams zhangsan 29:1abc"));
        Assert.Contains("没有找到用户“陈八”", await chat.SendAsync("admin", $"绑定Teams 陈八 {Aad}"));
        Assert.Contains("Linked: 张三", await chat.SendAsync("admin", $"bind teams zhangsan {Aad}"));
    }

    [Fact]
    public async Task OnlyAdminsMayLinkAccounts()
    {
        await using var chat = await ChatHarness.StartAsync();

        Assert.Contains("不能使用“绑定Teams”", await chat.SendAsync("zhangsan", $"绑定Teams zhangsan {Aad}"));
        Assert.Null(chat.Get<UserDirectory>().ResolveSender("teams", Aad));
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Zhonghan.Bot.Hosting;
using Zhonghan.Bot.LocalChat;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>
/// Issue 11, item 1: the local chat (which trusts the user name it is given) opens without a key only when every
/// address Kestrel really bound is loopback. Each test binds real ports and calls the chat on 127.0.0.1.
/// </summary>
public class LocalChatBindingTests
{
    private static async Task<HttpStatusCode> ChatStatusAsync(TestBot bot, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { user = "admin", text = "帮助" }) };
        if (key is not null) request.Headers.Add("X-LocalChat-Key", key);
        return (await bot.Http.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task OnLoopbackOnlyTheChatIsOpen()
    {
        await using var bot = await TestBot.StartAsync();
        Assert.Equal(HttpStatusCode.OK, await ChatStatusAsync(bot));
        Assert.Contains("只监听本机地址", bot.Get<LocalChatMode>().Decision!.Description);
    }

    [Fact]
    public async Task LocalhostAsKestrelBindsItIsLoopback()
    {
        var port = BotProcess.FreePort();
        await using var bot = await TestBot.StartAsync(urls: $"http://localhost:{port}");
        Assert.Equal($"http://localhost:{port}", Assert.Single(bot.BoundAddresses));
        Assert.Equal(HttpStatusCode.OK, await ChatStatusAsync(bot));
    }

    [Fact]
    public async Task BoundToAllInterfacesTheChatIsClosedEvenWhenCalledOnLoopback()
    {
        await using var bot = await TestBot.StartAsync(urls: $"http://0.0.0.0:{BotProcess.FreePort()}");
        Assert.Equal(HttpStatusCode.NotFound, await ChatStatusAsync(bot));
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task HttpPortsBindAllInterfacesSoTheChatIsClosed()
    {
        await using var bot = await TestBot.StartAsync([$"http_ports={BotProcess.FreePort()}"], urls: null);
        Assert.DoesNotContain(bot.BoundAddresses, LocalChatRule.IsLoopback);
        Assert.Equal(HttpStatusCode.NotFound, await ChatStatusAsync(bot));
    }

    [Fact]
    public async Task AKestrelEndpointOnAllInterfacesClosesTheChat()
    {
        await using var bot = await TestBot.StartAsync([$"Kestrel:Endpoints:Http:Url=http://0.0.0.0:{BotProcess.FreePort()}"], urls: null);
        Assert.Equal(HttpStatusCode.NotFound, await ChatStatusAsync(bot));
    }

    [Fact]
    public async Task ALoopbackUrlsPlusAKestrelEndpointElsewhereClosesTheChat()
    {
        await using var bot = await TestBot.StartAsync([$"Kestrel:Endpoints:Other:Url=http://0.0.0.0:{BotProcess.FreePort()}"],
            urls: $"http://127.0.0.1:{BotProcess.FreePort()}");
        Assert.Equal(HttpStatusCode.NotFound, await ChatStatusAsync(bot));
    }

    [Fact]
    public async Task AHostNameThatBeginsWith127IsNotAnAddress()
    {
        await using var bot = await TestBot.StartAsync(urls: $"http://127.0.0.1.nip.io:{BotProcess.FreePort()}");
        Assert.Equal(HttpStatusCode.NotFound, await ChatStatusAsync(bot));
    }

    [Fact]
    public async Task OffLoopbackWithEnabledAndAKeyEveryRequestNeedsTheKey()
    {
        await using var bot = await TestBot.StartAsync(["LocalChat:Enabled=true", "LocalChat:Key=s3cret"], urls: $"http://0.0.0.0:{BotProcess.FreePort()}");
        Assert.Equal(HttpStatusCode.Unauthorized, await ChatStatusAsync(bot));
        Assert.Equal(HttpStatusCode.Unauthorized, await ChatStatusAsync(bot, "guess"));
        Assert.Equal(HttpStatusCode.OK, await ChatStatusAsync(bot, "s3cret"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("/?key=s3cret")).StatusCode);
    }

    [Fact]
    public async Task OffLoopbackEnabledWithoutAKeyStaysClosed()
    {
        await using var bot = await TestBot.StartAsync(["LocalChat:Enabled=true"], urls: $"http://0.0.0.0:{BotProcess.FreePort()}");
        Assert.Equal(HttpStatusCode.NotFound, await ChatStatusAsync(bot));
    }

    [Fact]
    public async Task TheOfficialContainerSettingAspNetCoreHttpPortsClosesTheChat()
    {
        using var dir = new TempDir();
        var port = BotProcess.FreePort();
        await using var bot = BotProcess.Start(["--data", dir.Path, "--Reminders:Scheduler=false"],
            new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = port.ToString() });
        var address = new Uri($"http://127.0.0.1:{port}");
        Assert.True(await bot.WaitUntilServingAsync(address, TimeSpan.FromSeconds(60)), "the bot did not start");
        using var http = new HttpClient { BaseAddress = address };
        var response = await http.PostAsJsonAsync("/api/chat", new { user = "admin", text = "添加用户 mallory 马洛里 管理员 华东销售部" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>The in-process test server has no address at all: it is named as such, and remote connections still need the key.</summary>
public class LocalChatOnTheTestServerTests
{
    private static async Task<(HttpStatusCode Status, LocalChatMode Mode)> ChatAsync(IPAddress? remote, string? key, params string[] settings)
    {
        using var dir = new TempDir();
        var args = new List<string> { "--data", dir.Path, "--Zhonghan:ConsoleLog=false", "--Reminders:Scheduler=false" };
        args.AddRange(settings.Select(s => "--" + s));
        await using var app = BotApp.Build(args.ToArray(), b =>
        {
            b.WebHost.UseTestServer();
            b.Services.AddSingleton<IStartupFilter>(new RemoteAddress(remote));
        });
        await app.StartAsync();
        using var http = app.GetTestClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { user = "zhangsan", text = "帮助" }) };
        if (key is not null) request.Headers.Add("X-LocalChat-Key", key);
        var status = (await http.SendAsync(request)).StatusCode;
        var mode = app.Services.GetRequiredService<LocalChatMode>();
        await app.StopAsync();
        return (status, mode);
    }

    /// <summary>The test server's connections have no address; this one gives them the one under test.</summary>
    private sealed class RemoteAddress(IPAddress? remote) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, go) => { context.Connection.RemoteIpAddress = remote; return go(context); });
            next(app);
        };
    }

    [Fact]
    public async Task TheTestServerIsNamedInTheDecision()
    {
        var (status, mode) = await ChatAsync(null, null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(mode.InMemoryServer);
        Assert.Contains("进程内测试服务器", mode.Decision!.Description);
    }

    [Fact]
    public async Task ARequestFromANonLoopbackConnectionIsRefusedWithoutTheKey()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await ChatAsync(IPAddress.Parse("10.1.2.3"), null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ChatAsync(IPAddress.Parse("10.1.2.3"), "k", "LocalChat:Key=other")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(IPAddress.Parse("10.1.2.3"), "k", "LocalChat:Key=k")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(IPAddress.Loopback, null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(IPAddress.Parse("::ffff:127.0.0.1"), null)).Status);
    }
}

/// <summary>The rule itself, as a pure function.</summary>
public class LocalChatRuleTests
{
    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.8.9.10:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://127.0.0.1.nip.io:5080", false)]
    [InlineData("http://localhost.example.test:5080", false)]
    [InlineData("http://10.0.0.5:5080", false)]
    [InlineData("http://unix:/tmp/bot.sock", false)]
    public void OnlyLoopbackAddressesAndTheLiteralLocalhostAreLoopback(string address, bool loopback) =>
        Assert.Equal(loopback, LocalChatRule.IsLoopback(address));

    [Fact]
    public void EveryBoundAddressMustBeLoopback()
    {
        var open = LocalChatRule.Decide(["http://127.0.0.1:1", "http://[::1]:1"], false, new LocalChatOptions());
        Assert.True(open is { Enabled: true, KeyRequired: false });
        var mixed = LocalChatRule.Decide(["http://127.0.0.1:1", "http://[::]:2"], false, new LocalChatOptions());
        Assert.False(mixed.Enabled);
        Assert.Contains("http://[::]:2", mixed.Description);
        Assert.False(LocalChatRule.Decide([], false, new LocalChatOptions()).Enabled);
        var keyed = LocalChatRule.Decide(["http://[::]:2"], false, new LocalChatOptions { Enabled = true, Key = "k" });
        Assert.True(keyed is { Enabled: true, KeyRequired: true });
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Zhonghan.Bot.Hosting;

namespace Zhonghan.Testing;

/// <summary>
/// The whole bot on real Kestrel at 127.0.0.1 (a free port), with its own data folder and a fake clock.
/// Seeds the demo data unless told otherwise. Dispose stops it and deletes the folder.
/// </summary>
public sealed class TestBot : IAsyncDisposable
{
    private readonly TempDir dir;
    private readonly bool ownsDir;

    public WebApplication App { get; }
    public TestClock Clock { get; }
    public HttpClient Http { get; }
    public Uri BaseAddress { get; }
    public string DataDir => dir.Path;
    public IServiceProvider Services => App.Services;

    private TestBot(WebApplication app, TestClock clock, TempDir dir, bool ownsDir, Uri baseAddress)
    {
        this.ownsDir = ownsDir;
        App = app;
        Clock = clock;
        this.dir = dir;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <param name="dataDir">A data folder to reuse (e.g. to restart on the same data); the caller disposes it.</param>
    /// <param name="settings">Extra settings as "Key=Value" (e.g. "WeCom:Token=abc").</param>
    /// <param name="configure">Runs after the bot's services are added: replace a client, add a fake.</param>
    /// <param name="urls">--urls (null: none, so that http_ports or Kestrel endpoints in the settings decide).</param>
    public static async Task<TestBot> StartAsync(IEnumerable<string>? settings = null, Action<WebApplicationBuilder>? configure = null,
        TestClock? clock = null, TempDir? dataDir = null, string? urls = "http://127.0.0.1:0")
    {
        var dir = dataDir ?? new TempDir();
        clock ??= TestClock.Create();
        var args = new List<string> { "--data", dir.Path, "--Zhonghan:ConsoleLog=false", "--Reminders:Scheduler=false" };
        if (urls is not null) args.AddRange(["--urls", urls]);
        args.AddRange((settings ?? []).Select(s => "--" + s));
        var app = BotApp.Build(args.ToArray(), builder =>
        {
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // A wildcard binding (0.0.0.0, [::]) is called on 127.0.0.1.
        var uri = new UriBuilder(address) { Host = "127.0.0.1" }.Uri;
        return new TestBot(app, clock, dir, ownsDir: dataDir is null, uri);
    }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Waits until the bot's background work (late replies, card updates, syncs, queued notices) is done.</summary>
    public Task IdleAsync() => Idle.WaitAsync(App.Services);

    /// <summary>The addresses the server reported after it started.</summary>
    public IReadOnlyList<string> BoundAddresses => App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();

    /// <summary>Sends a message through POST /api/chat and returns the reply texts.</summary>
    public async Task<IReadOnlyList<string>> ChatAsync(string user, string text) =>
        (await ChatRawAsync(user, text)).Select(r => r.GetProperty("text").GetString() ?? "").ToList();

    /// <summary>Sends a message through POST /api/chat and returns the reply objects (text, card).</summary>
    public async Task<IReadOnlyList<JsonElement>> ChatRawAsync(string user, string? text, object? action = null)
    {
        var response = await Http.PostAsJsonAsync("/api/chat", new { user, text, action });
        response.EnsureSuccessStatusCode();
        await IdleAsync();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("replies").EnumerateArray().ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (ownsDir) dir.Dispose();
    }
}

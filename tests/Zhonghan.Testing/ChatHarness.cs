using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Zhonghan.Bot.Hosting;
using Zhonghan.Bot.LocalChat;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Testing;

/// <summary>
/// The bot's services without the web server: turns go straight into the pipeline. For scripted conversations
/// ("send this, expect that"). Seeds the demo data; each harness has its own data folder and fake clock.
/// </summary>
public sealed class ChatHarness : IAsyncDisposable
{
    private readonly IHost host;
    private readonly TempDir dir;
    private int sequence;

    public TestClock Clock { get; }
    public IServiceProvider Services => host.Services;
    public string DataDir => dir.Path;

    private ChatHarness(IHost host, TestClock clock, TempDir dir)
    {
        this.host = host;
        Clock = clock;
        this.dir = dir;
    }

    public static async Task<ChatHarness> StartAsync(IEnumerable<string>? settings = null, Action<HostApplicationBuilder>? configure = null,
        TestClock? clock = null, bool seed = true)
    {
        var dir = new TempDir();
        clock ??= TestClock.Create();
        var args = new List<string> { "--data", dir.Path, "--Zhonghan:ConsoleLog=false", $"--Zhonghan:SeedDemoData={seed}", "--Reminders:Scheduler=false" };
        args.AddRange((settings ?? []).Select(s => "--" + s));
        var builder = Host.CreateApplicationBuilder(BotConfiguration.TranslateArgs(args.ToArray()));
        builder.AddBotServices();
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new ChatHarness(host, clock, dir);
    }

    public T Get<T>() where T : notnull => host.Services.GetRequiredService<T>();

    /// <summary>Sends text as a local-chat user; returns the whole result (replies, duplicate flag) once the notices it queued are sent.</summary>
    public async Task<TurnResult> TurnAsync(string user, string text, string? messageId = null)
    {
        var result = await Get<IBot>().OnTurnAsync(new Turn
        {
            Channel = Channels.Local, MessageId = messageId ?? $"m{Interlocked.Increment(ref sequence)}", SenderId = user,
            Address = ConversationAddress.For(Channels.Local, user), Text = text,
        }, CancellationToken.None);
        await IdleAsync();
        return result;
    }

    /// <summary>Waits until the messages queued so far are sent (the delivery queue sends them after each commit).</summary>
    public Task IdleAsync() => Idle.WaitAsync(host.Services);

    /// <summary>Sends text and returns all reply texts joined by newlines.</summary>
    public async Task<string> SendAsync(string user, string text) =>
        string.Join("\n", (await TurnAsync(user, text)).Replies.Select(r => r.Text));

    /// <summary>Presses a card button (as returned in a reply).</summary>
    public async Task<TurnResult> PressAsync(string user, CardAction action, string? messageId = null)
    {
        var result = await Get<IBot>().OnTurnAsync(new Turn
        {
            Channel = Channels.Local, MessageId = messageId ?? $"m{Interlocked.Increment(ref sequence)}", SenderId = user,
            Address = ConversationAddress.For(Channels.Local, user), Kind = TurnKind.CardAction,
            Action = new CardActionInput { ActionId = action.Id, Payload = new(action.Payload) },
        }, CancellationToken.None);
        await IdleAsync();
        return result;
    }

    /// <summary>Proactive messages waiting in the local channel for the user (taken: a second call returns only new ones).</summary>
    public IReadOnlyList<Reply> Inbox(string user) => Get<LocalOutbox>().Take(user).Select(i => i.Reply).ToList();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        dir.Dispose();
    }
}

using Zhonghan.Core.Conversations;
using Zhonghan.Core.Storage;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// Turns a channel acknowledged before they committed (WeCom's callback cannot wait for a slow turn): kept durably
/// until the turn's own commit removes them, so a crash in between loses nothing — the bot runs them at its next start.
/// </summary>
public sealed class TurnInbox(IChannelState state, TimeProvider clock)
{
    private const string Bucket = "inbox";

    /// <summary>Keeps the turn (committed at once) before the channel is told it was received.</summary>
    public void Keep(string key, Turn turn) => state.Put(Bucket, key, turn, clock.GetUtcNow().UtcDateTime);

    /// <summary>In the turn's unit of work: the turn is done, it no longer waits here.</summary>
    public void Done(string key) => state.Remove(Bucket, key);

    public IReadOnlyList<(string Key, Turn Turn)> Waiting() => state.WithPrefix<Turn>(Bucket, "");
}

/// <summary>At start: runs the turns a crash left acknowledged but not done; their answers go through the delivery queue.</summary>
public sealed class TurnInboxRecovery(TurnInbox inbox, TurnPipeline pipeline, ILogger<TurnInboxRecovery> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var waiting = inbox.Waiting();
        foreach (var (key, turn) in waiting)
        {
            var route = new AnswerRoute();
            route.TryAnswerLater();
            var result = await pipeline.ProcessAsync(turn.WithAnswer(route), ct);
            if (result.Duplicate) inbox.Done(key); // it had committed before the crash; only its note here was left
        }
        if (waiting.Count > 0) log.LogInformation("Ran {Count} acknowledged turn(s) a stop left unfinished", waiting.Count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Pipeline;

/// <summary>At start: runs the turns a crash left acknowledged but not done (<see cref="TurnInbox"/>); their answers
/// go through the delivery queue.</summary>
public sealed class TurnInboxRecovery(TurnInbox inbox, TurnPipeline pipeline, ILogger<TurnInboxRecovery> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var waiting = inbox.Waiting();
        foreach (var (key, turn) in waiting)
        {
            var route = new AnswerRoute();
            route.TryAnswerLater();
            var result = await pipeline.OnTurnAsync(turn.WithAnswer(route), ct);
            if (result.Duplicate) inbox.Done(key); // it had committed before the crash; only its note here was left
        }
        if (waiting.Count > 0) log.LogInformation("Ran {Count} acknowledged turn(s) a stop left unfinished", waiting.Count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Zhonghan.Adapters.WeCom.Messaging;

/// <summary>Every few seconds: sends what waits in the outbox (after a restart too); hourly forgets old sent keys.</summary>
public sealed class OutboxFlusher(WeComOutbox outbox, WeComMessenger messenger, TimeProvider clock, ILogger<OutboxFlusher> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                foreach (var user in outbox.UsersDue()) await messenger.FlushAsync(user, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e)
            {
                // The queue stays as it is and the next tick tries again; one failure must not stop the flusher.
                log.LogError(e, "WeCom outbox flush failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}

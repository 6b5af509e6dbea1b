using System.Collections.Concurrent;

namespace Zhonghan.Bot.WeCom;

/// <summary>
/// Work that outlives a callback's HTTP answer (slow turns, API sends, kf syncs). Tracked so shutdown waits for it
/// (up to a grace period) instead of dropping a reply halfway; failures are logged, never lost silently.
/// </summary>
public sealed class WeComBackground(TimeProvider clock, ILogger<WeComBackground> log) : IHostedService
{
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, bool> running = new();

    /// <summary>Starts <paramref name="work"/> now; the returned task is the work's own.</summary>
    public Task<T> Run<T>(Func<CancellationToken, Task<T>> work)
    {
        var task = Task.Run(() => work(stopping.Token));
        running[task] = true;
        task.ContinueWith(t => running.TryRemove(t, out _), TaskScheduler.Default);
        return task;
    }

    /// <summary>Starts work nobody awaits; an exception is logged with <paramref name="what"/>.</summary>
    public void Fire(string what, Func<CancellationToken, Task> work) =>
        Run<bool>(async ct =>
        {
            try { await work(ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { log.LogWarning("WeCom: {What} cancelled by shutdown", what); }
            catch (Exception e) { log.LogError(e, "WeCom: {What} failed", what); }
            return true;
        });

    public int Running => running.Count;

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken ct)
    {
        var pending = running.Keys.ToArray();
        if (pending.Length > 0)
        {
            log.LogInformation("WeCom: waiting for {Count} background task(s) before stopping", pending.Length);
            await Task.WhenAny(Task.WhenAll(pending), Task.Delay(ShutdownGrace, clock, ct)).ConfigureAwait(false);
        }
        await stopping.CancelAsync();
    }
}

using Microsoft.Extensions.Logging;

namespace Zhonghan.Core.Conversations;

/// <summary>
/// Work a channel does beyond its HTTP answer: a turn too slow for the channel's budget, replies sent after the
/// answer, customer-service syncs. One for the process and every channel: shutdown lets it finish (up to a grace
/// period) instead of dropping a reply halfway, tests wait for it to be idle, and a failure is logged, never lost.
/// </summary>
public sealed class ChannelWork(TimeProvider clock, ILogger<ChannelWork> log)
{
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private int running;
    private TaskCompletionSource idle = Done();

    public int Running { get { lock (gate) return running; } }

    /// <summary>
    /// Answer within the channel's budget, else finish in the background and send: runs <paramref name="turn"/> and
    /// returns its result when it is done within <paramref name="budget"/> while the caller still waits. Otherwise
    /// it returns null at the budget, and the result goes to <paramref name="sendLate"/> once the turn is done —
    /// unless <paramref name="mayStopWaiting"/> says no at that moment (the turn is committing its answer for this
    /// response: see <see cref="AnswerRoute.TryAnswerLater"/>), when it waits for the result after all.
    /// </summary>
    public async Task<T?> AnswerWithinAsync<T>(TimeSpan budget, Func<CancellationToken, Task<T>> turn,
        Func<T, CancellationToken, Task> sendLate, CancellationToken requestAborted, Func<bool>? mayStopWaiting = null) where T : class
    {
        var work = Run(turn);
        if (await FinishesWithinAsync(work, budget, requestAborted) || mayStopWaiting?.Invoke() == false) return await work;
        Fire("late reply", async ct => await sendLate(await work, ct));
        return null;
    }

    /// <summary>Starts <paramref name="work"/> on the thread pool now, tracked; the returned task is the work's own.</summary>
    public Task<T> Run<T>(Func<CancellationToken, Task<T>> work)
    {
        lock (gate)
            if (running++ == 0) idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = Task.Run(() => work(stopping.Token));
        task.ContinueWith(_ => Leave(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>Starts work nobody awaits; an exception is logged with <paramref name="what"/>.</summary>
    public void Fire(string what, Func<CancellationToken, Task> work) =>
        _ = Run(async ct =>
        {
            try { await work(ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { log.LogWarning("Channel work '{What}' cancelled by shutdown", what); }
            catch (Exception e) { log.LogError(e, "Channel work '{What}' failed", what); }
            return true;
        });

    /// <summary>Completes when no work is running (tests drive the channels to idle with it).</summary>
    public Task IdleAsync()
    {
        lock (gate) return idle.Task;
    }

    /// <summary>At shutdown: waits for running work up to <see cref="ShutdownGrace"/>, then cancels what is left.</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        if (Running > 0)
        {
            log.LogInformation("Waiting for {Count} channel task(s) before stopping", Running);
            await Task.WhenAny(IdleAsync(), Task.Delay(ShutdownGrace, clock, ct)).ConfigureAwait(false);
        }
        await stopping.CancelAsync();
    }

    private async Task<bool> FinishesWithinAsync(Task work, TimeSpan budget, CancellationToken requestAborted)
    {
        if (work.IsCompleted) return !requestAborted.IsCancellationRequested;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        var first = await Task.WhenAny(work, Task.Delay(budget, clock, timer.Token));
        await timer.CancelAsync();
        return first == work && !requestAborted.IsCancellationRequested;
    }

    private void Leave()
    {
        TaskCompletionSource? done = null;
        lock (gate)
            if (--running == 0) done = idle;
        done?.TrySetResult();
    }

    private static TaskCompletionSource Done()
    {
        var t = new TaskCompletionSource();
        t.SetResult();
        return t;
    }
}

using Microsoft.Extensions.Time.Testing;

namespace Zhonghan.Testing;

/// <summary>
/// The bot's fake clock in tests. It also tells when work starts waiting on it (a timer is created: a reply budget, a
/// retry delay, a pacing wait), so a test moves time on exactly then — never by sleeping on the wall clock.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    /// <summary>Monday 2026-11-30 09:30 in Shanghai (01:30 UTC): a working morning.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 30, 1, 30, 0, TimeSpan.Zero);

    private readonly Signal created = new();
    private int timers;

    public static TestClock Create(DateTimeOffset? start = null) => new(start ?? MondayMorning);

    /// <summary>A Shanghai local time as a UTC offset instant.</summary>
    public static DateTimeOffset Shanghai(int y, int mo, int d, int h = 9, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(8));

    /// <summary>How many timers were created on this clock so far.</summary>
    public int TimersCreated => Volatile.Read(ref timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref timers);
        created.Raise();
        return timer;
    }

    /// <summary>Completes once more than <paramref name="count"/> timers were created: something waits on the clock.</summary>
    public Task TimerCreatedAfterAsync(int count) =>
        created.UntilAsync(() => TimersCreated > count, () => $"nothing started waiting on the clock (timers: {TimersCreated})");

    /// <summary>Moves the clock on by <paramref name="step"/> each time work starts waiting on it, until <paramref name="task"/> is done.</summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Task<T> task, TimeSpan step)
    {
        var seen = 0;
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, TimerCreatedAfterAsync(seen));
            seen = TimersCreated;
            if (!task.IsCompleted) Advance(step);
        }
        return await task;
    }
}

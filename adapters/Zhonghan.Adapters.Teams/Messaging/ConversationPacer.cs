using System.Collections.Concurrent;

namespace Zhonghan.Adapters.Teams.Messaging;

/// <summary>
/// Sends to one conversation go one at a time and within Teams' per-thread limits (7 in 1 s, 8 in 2 s, 60 in 30 s,
/// 1800 in an hour — rate-limit.md), waiting on the injected clock instead of collecting 429s.
/// </summary>
public sealed class ConversationPacer(TimeProvider clock)
{
    private static readonly (int Count, TimeSpan Window)[] Limits =
    [
        (7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1)),
    ];
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, Lane> lanes = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string conversationId, Func<Task<T>> send, CancellationToken ct)
    {
        var lane = lanes.GetOrAdd(conversationId, _ => new Lane());
        await lane.Gate.WaitAsync(ct);
        try
        {
            while (lane.WaitNeeded(clock.GetUtcNow()) is var wait && wait > TimeSpan.Zero)
                await Task.Delay(wait, clock, ct);
            lane.Record(clock.GetUtcNow());
            return await send();
        }
        finally
        {
            lane.Gate.Release();
            if (lanes.Count > 1000) Prune();
        }
    }

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, lane) in lanes)
            if (lane.IdleSince(now) > Horizon && lane.Gate.CurrentCount == 1) lanes.TryRemove(key, out _);
    }

    private sealed class Lane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        private readonly List<DateTimeOffset> sent = new();

        public TimeSpan WaitNeeded(DateTimeOffset now)
        {
            sent.RemoveAll(t => now - t >= Horizon);
            var wait = TimeSpan.Zero;
            foreach (var (count, window) in Limits)
            {
                var inWindow = sent.Where(t => now - t < window).ToList();
                if (inWindow.Count < count) continue;
                // The oldest send that must leave the window before one more is allowed.
                var blocker = inWindow[inWindow.Count - count];
                var until = blocker + window - now;
                if (until > wait) wait = until;
            }
            return wait;
        }

        public void Record(DateTimeOffset now) => sent.Add(now);

        public TimeSpan IdleSince(DateTimeOffset now) => sent.Count == 0 ? TimeSpan.MaxValue : now - sent[^1];
    }
}

namespace Zhonghan.Adapters.WeCom.Messaging;

/// <summary>
/// How many more messages each member may get now. WeCom silently drops app messages above 30 per member per minute
/// and 1000 per member per hour (and then blocks for 60 s or 60 min), so we count our own sends in a sliding minute
/// and a sliding hour and stay under the configured limits. In memory: a restart forgets it, which errs by at most
/// one window's worth.
/// </summary>
public sealed class MemberPace(TimeProvider clock, int perMinute, int perHour = 1000)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> sent = new();
    private readonly Lock gate = new();

    public int Available(string user)
    {
        lock (gate)
        {
            if (!sent.TryGetValue(user, out var q)) return Math.Min(perMinute, perHour);
            var now = clock.GetUtcNow();
            while (q.Count > 0 && q.Peek() <= now - Hour) q.Dequeue();
            if (q.Count == 0) { sent.Remove(user); return Math.Min(perMinute, perHour); }
            var lastMinute = q.Count(t => t > now - Minute);
            return Math.Max(0, Math.Min(perMinute - lastMinute, perHour - q.Count));
        }
    }

    /// <summary>When the next slot frees up for the member (now, if one is free).</summary>
    public DateTimeOffset NextSlot(string user)
    {
        if (Available(user) > 0) return clock.GetUtcNow();
        lock (gate)
        {
            var q = sent[user];
            var now = clock.GetUtcNow();
            // Full for the hour: the oldest send in it leaves first. Full for the minute: the oldest send within it.
            return q.Count >= perHour ? q.Peek() + Hour : q.First(t => t > now - Minute) + Minute;
        }
    }

    public void Record(string user)
    {
        lock (gate)
        {
            if (!sent.TryGetValue(user, out var q)) sent[user] = q = new Queue<DateTimeOffset>();
            q.Enqueue(clock.GetUtcNow());
        }
    }
}

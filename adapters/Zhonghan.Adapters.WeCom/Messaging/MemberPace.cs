namespace Zhonghan.Adapters.WeCom.Messaging;

/// <summary>
/// How many more messages each member may get in the current minute. WeCom silently drops messages above 30 per
/// member per minute, so we count our own sends (a sliding minute) and stay under the configured limit.
/// </summary>
public sealed class MemberPace(TimeProvider clock, int perMinute)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> sent = new();
    private readonly Lock gate = new();

    public int Available(string user)
    {
        lock (gate)
        {
            if (!sent.TryGetValue(user, out var q)) return perMinute;
            Trim(q);
            if (q.Count == 0) sent.Remove(user);
            return Math.Max(0, perMinute - q.Count);
        }
    }

    /// <summary>When the next slot frees up for the member.</summary>
    public DateTimeOffset NextSlot(string user)
    {
        lock (gate)
            return sent.TryGetValue(user, out var q) && q.Count >= perMinute ? q.Peek() + Window : clock.GetUtcNow();
    }

    public void Record(string user)
    {
        lock (gate)
        {
            if (!sent.TryGetValue(user, out var q)) sent[user] = q = new Queue<DateTimeOffset>();
            q.Enqueue(clock.GetUtcNow());
        }
    }

    private void Trim(Queue<DateTimeOffset> q)
    {
        var cutoff = clock.GetUtcNow() - Window;
        while (q.Count > 0 && q.Peek() <= cutoff) q.Dequeue();
    }
}

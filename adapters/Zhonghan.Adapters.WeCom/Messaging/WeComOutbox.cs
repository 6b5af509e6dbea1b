using Zhonghan.Adapters.WeCom.Storage;
using Zhonghan.Core.Storage;

namespace Zhonghan.Adapters.WeCom.Messaging;

/// <summary>
/// Messages waiting for a member (over the pace, rate-limited or WeCom unreachable), persisted so a restart loses
/// none, and the keys of messages already sent (so a repeated idempotent send is a no-op). A queued message's key is
/// "{member}|{queue order}", its time the next attempt.
/// </summary>
public sealed class WeComOutbox(IChannelState state, TimeProvider clock)
{
    public static readonly TimeSpan KeepSentKeys = TimeSpan.FromDays(3);
    private const string Bucket = "wecom_outbox";
    private readonly SeenIds sent = new(state, "wecom_sent_keys", clock);
    private long sequence;

    public void Enqueue(IEnumerable<OutMessage> messages)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var m in messages)
        {
            // Ids sort in queue order: time, then a counter for messages queued in the same tick.
            m.Id = $"{m.User}|{now.Ticks:D19}-{Interlocked.Increment(ref sequence):D10}-{m.Id}";
            m.QueuedAt = now;
            if (m.NextAttemptAt < now) m.NextAttemptAt = now;
            state.Put(Bucket, m.Id, m, m.NextAttemptAt);
        }
    }

    public bool HasQueued(string user) => state.WithPrefix<OutMessage>(Bucket, user + "|", 1).Count > 0;

    public IReadOnlyList<OutMessage> Queued(string user) => state.WithPrefix<OutMessage>(Bucket, user + "|").Select(x => x.Value).ToList();

    /// <summary>Members with a message due now.</summary>
    public IReadOnlyList<string> UsersDue() =>
        state.Until<OutMessage>(Bucket, clock.GetUtcNow().UtcDateTime).Select(x => x.Value.User).Distinct().ToList();

    public long Count => state.Count(Bucket);

    public void Remove(OutMessage m)
    {
        foreach (var part in m.Parts) state.Remove(Bucket, part.Id);
    }

    public void Postpone(OutMessage m, DateTime until)
    {
        foreach (var part in m.Parts)
        {
            part.Attempts++;
            part.NextAttemptAt = until;
            state.Put(Bucket, part.Id, part, until);
        }
    }

    public bool WasSent(string? key) => sent.Contains(key);

    public void MarkSent(OutMessage m)
    {
        foreach (var part in m.Parts)
            if (part.Key is { } key) sent.Add(key);
    }

    public int PurgeSentKeys() => sent.Purge(KeepSentKeys);
}

using LiteDB;
using Zhonghan.Adapters.WeCom.Storage;
using Zhonghan.Core.Storage;

namespace Zhonghan.Adapters.WeCom.Messaging;

/// <summary>
/// Messages waiting for a member (over the pace, rate-limited or WeCom unreachable), persisted so a restart loses
/// none, and the keys of messages already sent (so a repeated idempotent send is a no-op).
/// </summary>
public sealed class WeComOutbox
{
    public static readonly TimeSpan KeepSentKeys = TimeSpan.FromDays(3);
    private readonly ILiteCollection<OutMessage> queue;
    private readonly SeenIds sent;
    private readonly TimeProvider clock;
    private long sequence;

    public WeComOutbox(CrmDb db, TimeProvider clock)
    {
        this.clock = clock;
        queue = db.Collection<OutMessage>("wecom_outbox");
        queue.EnsureIndex(x => x.User);
        queue.EnsureIndex(x => x.NextAttemptAt);
        sent = new SeenIds(db, "wecom_sent_keys", clock);
    }

    public void Enqueue(IEnumerable<OutMessage> messages)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var m in messages)
        {
            // Ids sort in queue order: time, then a counter for messages queued in the same tick.
            m.Id = $"{now.Ticks:D19}-{Interlocked.Increment(ref sequence):D10}-{m.Id}";
            m.QueuedAt = now;
            if (m.NextAttemptAt < now) m.NextAttemptAt = now;
            queue.Upsert(m);
        }
    }

    public bool HasQueued(string user) => queue.Exists(Q.Eq(nameof(OutMessage.User), user));

    public IReadOnlyList<OutMessage> Queued(string user) =>
        queue.Find(Q.Eq(nameof(OutMessage.User), user)).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();

    /// <summary>Members with a message due now.</summary>
    public IReadOnlyList<string> UsersDue() =>
        queue.Find(Q.Between(nameof(OutMessage.NextAttemptAt), DateTime.MinValue, clock.GetUtcNow().UtcDateTime)).Select(m => m.User).Distinct().ToList();

    public int Count => queue.Count();

    public void Remove(OutMessage m)
    {
        foreach (var part in m.Parts) queue.Delete(part.Id);
    }

    public void Postpone(OutMessage m, DateTime until)
    {
        foreach (var part in m.Parts)
        {
            part.Attempts++;
            part.NextAttemptAt = until;
            queue.Update(part);
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

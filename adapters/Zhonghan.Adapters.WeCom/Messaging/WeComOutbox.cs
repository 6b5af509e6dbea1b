using LiteDB;
using Zhonghan.Adapters.WeCom.Storage;
using Zhonghan.Core.Storage;

namespace Zhonghan.Adapters.WeCom.Messaging;

/// <summary>
/// Messages waiting for a member (over the pace, rate-limited or WeCom unreachable), persisted so a restart loses
/// none, and the keys of messages already sent (so a repeated idempotent send is a no-op). The answer to the member's
/// latest turn waits in front ("live"); the rest, the backlog, goes in order and is bounded per member.
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

    private long dropped;

    /// <summary>Backlog messages dropped (oldest first) because a member's backlog was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <param name="live">The answer to the member's latest turn: it goes first, and an earlier live answer that still
    /// waits becomes backlog (a newer turn has been answered since).</param>
    public void Enqueue(IEnumerable<OutMessage> messages, bool live = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var list = messages.ToList();
        if (live && list.Count > 0)
            foreach (var earlier in queue.Find(Q.Eq(nameof(OutMessage.User), list[0].User)).Where(m => m.Live))
            {
                earlier.Live = false;
                queue.Update(earlier);
            }
        foreach (var m in list)
        {
            m.Live = live;
            // Ids sort in queue order: time, then a counter for messages queued in the same tick.
            m.Id = $"{now.Ticks:D19}-{Interlocked.Increment(ref sequence):D10}-{m.Id}";
            m.QueuedAt = now;
            if (m.NextAttemptAt < now) m.NextAttemptAt = now;
            queue.Upsert(m);
        }
    }

    public bool HasQueued(string user) => queue.Exists(Q.Eq(nameof(OutMessage.User), user));

    /// <summary>What waits for the member, in sending order: the live answer first, then the backlog oldest first.</summary>
    public IReadOnlyList<OutMessage> Queued(string user) =>
        queue.Find(Q.Eq(nameof(OutMessage.User), user)).OrderByDescending(m => m.Live).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();

    /// <summary>Drops the oldest backlog messages beyond <paramref name="max"/> for the member; returns how many.</summary>
    public int TrimBacklog(string user, int max)
    {
        var backlog = queue.Find(Q.Eq(nameof(OutMessage.User), user)).Where(m => !m.Live).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        var over = backlog.Count - max;
        if (over <= 0) return 0;
        foreach (var m in backlog.Take(over)) queue.Delete(m.Id);
        Interlocked.Add(ref dropped, over);
        return over;
    }

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

using Zhonghan.Adapters.WeCom.Storage;
using Zhonghan.Core.Storage;

namespace Zhonghan.Adapters.WeCom.Messaging;

/// <summary>
/// Messages waiting for a member (over the pace, rate-limited or WeCom unreachable), persisted so a restart loses
/// none, and the keys of messages already sent (so a repeated idempotent send is a no-op). The answer to the member's
/// latest turn waits in front ("live"); the rest, the backlog, goes in order and is bounded per member. A queued
/// message's key is "{member}|{queue order}", its time the next attempt.
/// </summary>
public sealed class WeComOutbox(IChannelState state, TimeProvider clock)
{
    private const string Bucket = "wecom_outbox";
    private readonly SeenIds sent = new(state, "wecom_sent_keys", clock);
    private long sequence;
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
            foreach (var earlier in Queued(list[0].User).Where(m => m.Live))
            {
                earlier.Live = false;
                state.Put(Bucket, earlier.Id, earlier, earlier.NextAttemptAt);
            }
        foreach (var m in list)
        {
            m.Live = live;
            // Keys sort in queue order: time, then a counter for messages queued in the same tick.
            m.Id = $"{m.User}|{now.Ticks:D19}-{Interlocked.Increment(ref sequence):D10}-{m.Id}";
            m.QueuedAt = now;
            if (m.NextAttemptAt < now) m.NextAttemptAt = now;
            state.Put(Bucket, m.Id, m, m.NextAttemptAt);
        }
    }

    public bool HasQueued(string user) => state.WithPrefix<OutMessage>(Bucket, user + "|", 1).Count > 0;

    /// <summary>What waits for the member, in sending order: the live answer first, then the backlog oldest first.</summary>
    public IReadOnlyList<OutMessage> Queued(string user) =>
        state.WithPrefix<OutMessage>(Bucket, user + "|").Select(x => x.Value).OrderByDescending(m => m.Live).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();

    /// <summary>Drops the oldest backlog messages beyond <paramref name="max"/> for the member; returns how many.</summary>
    public int TrimBacklog(string user, int max)
    {
        var backlog = Queued(user).Where(m => !m.Live).ToList();
        var over = backlog.Count - max;
        if (over <= 0) return 0;
        foreach (var m in backlog.Take(over)) state.Remove(Bucket, m.Id);
        Interlocked.Add(ref dropped, over);
        return over;
    }

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

    public int PurgeSentKeys(TimeSpan age) => sent.Purge(age);
}

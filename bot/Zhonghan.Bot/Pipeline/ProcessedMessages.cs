using System.Collections.Concurrent;
using LiteDB;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Storage;

namespace Zhonghan.Bot.Pipeline;

/// <summary>A message the bot has taken: its replies once done (a retry gets the same answer, no second effect).</summary>
public sealed class ProcessedMessage
{
    /// <summary>"{channel}:{messageId}".</summary>
    public string Id { get; set; } = "";
    public DateTime At { get; set; }
    public bool Done { get; set; }
    public List<Reply> Replies { get; set; } = new();
}

/// <summary>
/// De-duplication by message id, persisted: channels retry (WeCom three times when it gets no answer in 5 s, Teams
/// when the bot is slow). Taking a message is an insert on its id, so two deliveries racing cannot both win, and a
/// crash never lets a retry act twice. The answers are kept in memory and written in batches a moment later (one
/// commit for many turns instead of one each); after a crash the taken message stays "in flight": no second effect.
/// </summary>
public sealed class ProcessedMessages : IDisposable
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(3);
    private static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(250);
    private readonly CrmDb db;
    private readonly TimeProvider clock;
    private readonly ILiteCollection<ProcessedMessage> messages;
    /// <summary>Completed answers not yet written, already serialized (callers may go on using their reply objects).</summary>
    private readonly ConcurrentDictionary<string, BsonDocument> unsaved = new();
    private readonly ILiteCollection<BsonDocument> raw;
    private readonly ITimer flusher;
    private readonly Lock flushing = new();

    private readonly ILogger<ProcessedMessages> log;

    public ProcessedMessages(CrmDb db, TimeProvider clock, ILogger<ProcessedMessages> log)
    {
        this.db = db;
        this.clock = clock;
        this.log = log;
        messages = db.Collection<ProcessedMessage>("processed");
        messages.EnsureIndex(x => x.At);
        raw = db.Database.GetCollection("processed");
        // The real clock on purpose: batching is about I/O, not business time (a fake clock must not stall it).
        flusher = TimeProvider.System.CreateTimer(_ => FlushQuietly(), null, FlushEvery, FlushEvery);
    }

    /// <summary>Takes the message; false (with the earlier record) when it was already taken.</summary>
    public bool TryBegin(string channel, string messageId, out ProcessedMessage? earlier)
    {
        var id = $"{channel}:{messageId}";
        try
        {
            messages.Insert(new ProcessedMessage { Id = id, At = clock.GetUtcNow().UtcDateTime });
            earlier = null;
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            earlier = unsaved.TryGetValue(id, out var pending) ? db.Mapper.ToObject<ProcessedMessage>(pending) : messages.FindById(id);
            return false;
        }
    }

    public void Complete(string channel, string messageId, IReadOnlyList<Reply> replies)
    {
        var id = $"{channel}:{messageId}";
        unsaved[id] = db.Mapper.ToDocument(new ProcessedMessage { Id = id, At = clock.GetUtcNow().UtcDateTime, Done = true, Replies = replies.ToList() });
    }

    /// <summary>Writes the answers completed since the last flush, in one transaction.</summary>
    public void Flush()
    {
        if (unsaved.IsEmpty) return;
        lock (flushing)
        {
            var batch = unsaved.ToList();
            if (batch.Count == 0) return;
            db.InTransaction(() => { foreach (var (_, doc) in batch) raw.Update(doc); });
            foreach (var entry in batch) unsaved.TryRemove(entry);
        }
    }

    /// <summary>A timer callback must never throw (it would end the process): a failed flush is logged and retried.</summary>
    private void FlushQuietly()
    {
        try { Flush(); }
        catch (Exception e) when (e is not OutOfMemoryException) { log.LogWarning(e, "Writing turn answers failed; will retry"); }
    }

    /// <summary>Forgets messages older than <see cref="Keep"/> (channels do not retry that late).</summary>
    public int Purge() =>
        messages.DeleteMany(Q.Lt(nameof(ProcessedMessage.At), clock.GetUtcNow().UtcDateTime - Keep));

    public void Dispose()
    {
        flusher.Dispose();
        Flush();
    }
}

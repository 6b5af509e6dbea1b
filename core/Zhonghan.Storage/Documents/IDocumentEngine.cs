namespace Zhonghan.Storage.Documents;

/// <summary>A document as stored: the object and its version (1 when inserted, +1 on every write).</summary>
public readonly record struct Stored(object Doc, long Version);

/// <summary>
/// What a storage engine (LiteDB, PostgreSQL) does for the document layer. Reads see committed data; writes arrive
/// as batches of write sets, applied by one committer: each set is checked (versions, existing ids, unique keys)
/// against the state including earlier sets of the same batch, and applied entirely or not at all; the whole batch
/// becomes durable in one commit.
/// </summary>
public interface IDocumentEngine : IDisposable
{
    /// <summary>"LiteDB" or "PostgreSQL" (for the log and /healthz).</summary>
    string Name { get; }

    /// <summary>Creates what is missing for these collections (tables, indexes); called once at start.</summary>
    void EnsureSchema(IReadOnlyList<DocSet> sets);

    Stored? Get(DocSet set, object id);

    /// <summary>Documents whose key in <paramref name="index"/> lies in the range, in key order.</summary>
    IReadOnlyList<Stored> Range(DocSet set, IndexDef index, KeyRange range, int skip, int limit);

    /// <summary>Documents having any of <paramref name="keys"/> in <paramref name="index"/> (batched lookups of imports).</summary>
    IReadOnlyList<Stored> WithKeys(DocSet set, IndexDef index, IReadOnlyCollection<string> keys);

    long Count(DocSet set, IndexDef index, KeyRange range);

    /// <summary>The keys alone (no document is read), in key order.</summary>
    IReadOnlyList<string> Keys(DocSet set, IndexDef index, KeyRange range, int limit);

    /// <summary>Every document (migrations, exports, rare admin reads).</summary>
    IEnumerable<Stored> All(DocSet set);

    /// <summary>The next free id of a numbered collection (never handed out twice, gaps allowed).</summary>
    long NextId(DocSet set);

    /// <summary>Serializes a document and computes its index keys, on the caller's thread (not the committer's).</summary>
    PreparedDoc Prepare(DocSet set, object doc);

    /// <summary>Applies a batch of write sets in one transaction; one outcome per set, in order.</summary>
    IReadOnlyList<WriteOutcome> Apply(IReadOnlyList<WriteSet> batch);

    /// <summary>Loads many new documents at once, outside units of work (imports, benchmark data).</summary>
    void BulkInsert(DocSet set, IEnumerable<object> docs);

    /// <summary>Deletes the documents whose key lies in the range (purges of old records); returns how many.</summary>
    int DeleteRange(DocSet set, IndexDef index, KeyRange range);

    /// <summary>
    /// Hands documents of the range to one worker at a time across processes: those not claimed by another
    /// <paramref name="owner"/> whose lease still runs are claimed for <paramref name="lease"/> and returned, in key
    /// order (the delivery queue: one sender per item). A single-process engine may return the range as it is.
    /// </summary>
    IReadOnlyList<Stored> Claim(DocSet set, IndexDef index, KeyRange range, int limit, string owner, TimeSpan lease);

    /// <summary>
    /// A value that changes whenever a document of the (small) collection is added, changed or removed by any process
    /// (caches of users and departments check it). A single-process engine may return a constant: its caches are
    /// refreshed by the commit itself.
    /// </summary>
    string ChangeStamp(DocSet set);

    /// <summary>Called by the committer when no write is waiting: time for housekeeping (e.g. a checkpoint).</summary>
    void Idle();

    /// <summary>Reads every collection and index through; what is wrong, or nothing.</summary>
    IReadOnlyList<string> Check();

    /// <summary>A quick read of every collection (its first and last document); throws when the store cannot answer (health checks).</summary>
    int Probe();
}

/// <summary>A serialized document with its keys, ready for the committer (engine-specific payload).</summary>
public sealed class PreparedDoc(object id, object payload, IReadOnlyList<(IndexDef Index, IReadOnlyList<string> Keys)> keys)
{
    public object Id { get; } = id;
    public object Payload { get; } = payload;
    public IReadOnlyList<(IndexDef Index, IReadOnlyList<string> Keys)> Keys { get; } = keys;
}

public enum WriteKind { Insert, Update, Upsert, Delete }

/// <summary>
/// One write of a set. <see cref="ExpectedVersion"/> guards an update or delete: the stored version must still be
/// the one read (0 = do not check).
/// </summary>
public sealed record WriteOp(WriteKind Kind, DocSet Set, object Id, PreparedDoc? Doc, long ExpectedVersion);

/// <summary>Everything one unit of work writes.</summary>
public sealed class WriteSet(IReadOnlyList<WriteOp> ops, string label)
{
    public IReadOnlyList<WriteOp> Ops { get; } = ops;
    /// <summary>What the unit was (a turn id, a job name) for the log.</summary>
    public string Label { get; } = label;
}

public enum WriteStatus { Committed, Conflict, Failed }

public readonly record struct WriteOutcome(WriteStatus Status, string? Reason = null, Exception? Error = null)
{
    public static readonly WriteOutcome Ok = new(WriteStatus.Committed);
    public static WriteOutcome ConflictOn(string reason) => new(WriteStatus.Conflict, reason);
    public static WriteOutcome FailedWith(Exception e) => new(WriteStatus.Failed, e.Message, e);
}

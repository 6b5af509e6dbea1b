using System.Collections.Concurrent;
using LiteDB;
using Zhonghan.Storage.Documents;

namespace Zhonghan.Storage.LiteDb;

/// <summary>
/// The document engine on one LiteDB file (the default store). A document is stored as the entity's BSON plus two
/// fields of ours: <c>_v</c>, its version, and <c>_k</c>, its index keys (one LiteDB index per declared index, on
/// <c>$._k.Name</c>). Reads run on the callers' threads against committed data; writes only on the committer's.
/// </summary>
public sealed partial class LiteDbEngine : IDocumentEngine
{
    internal const string VersionField = "_v";
    internal const string KeysField = "_k";
    private readonly LiteDatabase db;
    private readonly BsonMapper mapper;
    private readonly ConcurrentDictionary<DocSet, long> lastIds = new();
    private readonly ConcurrentDictionary<DocSet, bool> warmed = new();
    private readonly IDisposable? owned;

    internal LiteDbEngine(LiteDatabase db, BsonMapper mapper, IDisposable? owned = null, string? filePath = null)
    {
        (this.db, this.mapper, this.owned, FilePath) = (db, mapper, owned, filePath);
        db.UtcDate = true;
    }

    /// <summary>The data file, when the engine is on a file (not a stream).</summary>
    public string? FilePath { get; }

    public string Name => "LiteDB";

    internal LiteDatabase Database => db;

    public Stored? Get(DocSet set, object id)
    {
        var doc = Col(set).FindById(Id(id));
        return doc is null ? null : ToStored(set, doc);
    }

    public IReadOnlyList<Stored> Range(DocSet set, IndexDef index, KeyRange range, int skip, int limit)
    {
        var query = Col(set).Query().Where(Where(index, range));
        if (!index.Multi) query = range.Descending ? query.OrderByDescending(Field(index)) : query.OrderBy(Field(index));
        var docs = query.Skip(skip).Limit(limit).ToDocuments();
        var list = new List<Stored>();
        foreach (var d in docs) list.Add(ToStored(set, d));
        return list;
    }

    public IReadOnlyList<Stored> WithKeys(DocSet set, IndexDef index, IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0) return [];
        var values = new BsonArray(keys.Distinct().Select(k => new BsonValue(k)));
        var where = BsonExpression.Create($"$.{KeysField}.{index.Name}{(index.Multi ? "[*] ANY" : "")} IN @0", values);
        return Col(set).Find(where).Select(d => ToStored(set, d)).ToList();
    }

    public long Count(DocSet set, IndexDef index, KeyRange range) => Col(set).LongCount(Where(index, range));

    public IReadOnlyList<string> Keys(DocSet set, IndexDef index, KeyRange range, int limit)
    {
        var query = Col(set).Query().Where(Where(index, range));
        query = range.Descending ? query.OrderByDescending(Field(index)) : query.OrderBy(Field(index));
        return query.Select(BsonExpression.Create($"{{ k: $.{KeysField}.{index.Name} }}")).Limit(limit).ToDocuments()
            .Select(d => d["k"].AsString).ToList();
    }

    public IEnumerable<Stored> All(DocSet set) => Col(set).FindAll().Select(d => ToStored(set, d));

    public long NextId(DocSet set) =>
        lastIds.AddOrUpdate(set, s => MaxId(s) + 1, (_, last) => last + 1);

    private long MaxId(DocSet set)
    {
        var last = Col(set).Query().OrderByDescending("$._id").Select("{ id: $._id }").Limit(1).ToDocuments().FirstOrDefault();
        return last is not null && last["id"].IsNumber ? last["id"].AsInt64 : 0;
    }

    /// <summary>Forgets the id counters (after documents were loaded by another path, e.g. a migration).</summary>
    internal void ResetIds() => lastIds.Clear();

    public PreparedDoc Prepare(DocSet set, object entity)
    {
        Warm(set);
        var doc = mapper.ToDocument(set.Type, entity);
        var keys = new List<(IndexDef, IReadOnlyList<string>)>(set.Indexes.Count);
        var k = new BsonDocument();
        foreach (var index in set.Indexes)
        {
            var values = index.KeysOf(entity);
            keys.Add((index, values));
            if (index.Multi) k[index.Name] = new BsonArray(values.Select(v => new BsonValue(v)));
            else if (values.Count > 0) k[index.Name] = values[0];
        }
        doc[KeysField] = k;
        return new PreparedDoc(set.IdOf(entity), doc, keys);
    }

    public void BulkInsert(DocSet set, IEnumerable<object> docs)
    {
        var col = Col(set);
        var prepared = docs.Select(d =>
        {
            if (set.NeedsId(d)) set.SetId(d, NextId(set));
            var doc = (BsonDocument)Prepare(set, d).Payload;
            doc[VersionField] = 1L;
            return doc;
        });
        col.InsertBulk(prepared, batchSize: 5000);
    }

    /// <summary>One process holds the file: its one sender needs no lease.</summary>
    public IReadOnlyList<Stored> Claim(DocSet set, IndexDef index, KeyRange range, int limit, string owner, TimeSpan lease) =>
        Range(set, index, range, 0, limit);

    /// <summary>One process holds the file, and its caches are refreshed by the commits themselves.</summary>
    public string ChangeStamp(DocSet set) => "";

    public int DeleteRange(DocSet set, IndexDef index, KeyRange range) => Col(set).DeleteMany(Where(index, range));

    /// <summary>Copies the write-ahead log into the data file while nothing waits to commit (LiteDB does it only when the log is full).</summary>
    public void Idle()
    {
        if (pagesSinceCheckpoint < IdleCheckpointPages) return;
        db.Checkpoint();
        pagesSinceCheckpoint = 0;
    }

    public void Dispose()
    {
        db.Dispose();
        owned?.Dispose();
    }

    internal ILiteCollection<BsonDocument> Col(DocSet set) => db.GetCollection(set.Name, IdKindOf(set));

    private static BsonAutoId IdKindOf(DocSet set) => set.IdKind switch
    {
        IdKind.Int32 => BsonAutoId.Int32,
        IdKind.Int64 => BsonAutoId.Int64,
        _ => BsonAutoId.ObjectId,
    };

    internal static BsonValue Id(object id) => id switch
    {
        int i => new BsonValue(i),
        long l => new BsonValue(l),
        string s => new BsonValue(s),
        _ => throw new ArgumentException($"Unsupported id type {id.GetType().Name}."),
    };

    internal Stored ToStored(DocSet set, BsonDocument doc)
    {
        Warm(set);
        var version = doc.TryGetValue(VersionField, out var v) && v.IsNumber ? v.AsInt64 : 0;
        return new Stored(mapper.ToObject(set.Type, doc), version);
    }

    private void Warm(DocSet set)
    {
        if (warmed.ContainsKey(set)) return;
        MapperWarmup.Warm(mapper, set.Type);
        warmed[set] = true;
    }

    private static string Field(IndexDef index) => $"$.{KeysField}.{index.Name}";

    internal static BsonExpression Where(IndexDef index, KeyRange range)
    {
        if (index.Multi)
        {
            if (!range.IsExact) throw new NotSupportedException($"Index {index.Name} has several keys per document: only exact lookups.");
            return BsonExpression.Create($"$.{KeysField}.{index.Name}[*] ANY = @0", range.Low);
        }
        return range.IsExact
            ? BsonExpression.Create($"$.{KeysField}.{index.Name} = @0", range.Low)
            : BsonExpression.Create($"$.{KeysField}.{index.Name} BETWEEN @0 AND @1", range.Low, range.High);
    }
}

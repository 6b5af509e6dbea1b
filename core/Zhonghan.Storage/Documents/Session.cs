namespace Zhonghan.Storage.Documents;

/// <summary>
/// What one unit of work read and changed: an identity map (the same document is the same object for the whole
/// unit, so it sees its own changes) and the writes, in the order made. Writes stay in memory until the commit.
/// </summary>
public sealed class Session(IDocumentEngine engine, string label)
{
    private enum State { Loaded, Added, Modified, Upserted, Deleted }

    private sealed class Entry(object? doc, long version, State state)
    {
        public object? Doc = doc;
        public long Version = version;
        public State State = state;
    }

    private readonly Dictionary<(DocSet Set, object Id), Entry> map = new();
    private readonly List<(DocSet Set, object Id)> order = new();
    private readonly List<Action> afterCommit = new();
    private readonly List<Action> whenDone = new();
    private readonly Lock gate = new();

    public string Label { get; } = label;
    internal bool Completed { get; private set; }

    internal T? Get<T>(DocSet<T> set, object id) where T : class
    {
        id = set.NormalizeId(id);
        lock (gate)
            if (map.TryGetValue((set, id), out var e)) return e.State == State.Deleted ? null : (T?)e.Doc;
        var stored = engine.Get(set, id);
        lock (gate) return (T?)Track(set, id, stored)?.Doc;
    }

    /// <summary>Forgets an unchanged document read earlier, so the next read sees what is committed now.</summary>
    internal void Forget(DocSet set, object id)
    {
        lock (gate)
            if (map.TryGetValue((set, id), out var e) && e.State == State.Loaded) map.Remove((set, id));
    }

    /// <summary>Tracks documents read by a query: a document the unit already holds is returned as held.</summary>
    internal List<T> Track<T>(DocSet<T> set, IReadOnlyList<Stored> found) where T : class
    {
        var list = new List<T>(found.Count);
        lock (gate)
            foreach (var s in found)
                if (Track(set, set.IdOf(s.Doc), s) is { State: not State.Deleted, Doc: T doc }) list.Add(doc);
        return list;
    }

    private Entry? Track(DocSet set, object id, Stored? stored)
    {
        if (map.TryGetValue((set, id), out var held)) return held;
        if (stored is not Stored s) return null;
        var e = new Entry(s.Doc, s.Version, State.Loaded);
        map[(set, id)] = e;
        return e;
    }

    internal void Insert<T>(DocSet<T> set, T doc) where T : class
    {
        if (set.NeedsId(doc)) set.SetId(doc, engine.NextId(set));
        var id = set.IdOf(doc);
        lock (gate)
        {
            if (map.TryGetValue((set, id), out var e) && e.State != State.Deleted)
                throw new InvalidOperationException($"{set.Name} {id} is already in this unit of work.");
            Write(set, id, doc, e?.State == State.Deleted ? State.Modified : State.Added, e?.Version ?? 0);
        }
    }

    /// <summary>Saves a changed document. One read in this unit is updated only if nobody changed it since.</summary>
    internal void Update<T>(DocSet<T> set, T doc) where T : class
    {
        var id = set.IdOf(doc);
        lock (gate)
        {
            if (map.TryGetValue((set, id), out var e))
            {
                if (e.State == State.Deleted) throw new InvalidOperationException($"{set.Name} {id} was deleted in this unit of work.");
                e.Doc = doc;
                if (e.State == State.Loaded) { e.State = State.Modified; order.Add((set, id)); }
                return;
            }
        }
        // Not read in this unit (built elsewhere): guard it with the version stored now.
        var stored = engine.Get(set, id) ?? throw new InvalidOperationException($"{set.Name} {id} does not exist.");
        lock (gate) Write(set, id, doc, State.Modified, stored.Version);
    }

    /// <summary>Writes a document whatever is stored (last writer wins): small records such as caches and addresses.</summary>
    internal void Upsert<T>(DocSet<T> set, T doc) where T : class
    {
        var id = set.IdOf(doc);
        lock (gate)
        {
            if (map.TryGetValue((set, id), out var e) && e.State is State.Added or State.Modified or State.Upserted)
            {
                e.Doc = doc;
                return;
            }
            Write(set, id, doc, State.Upserted, 0);
        }
    }

    internal void Delete<T>(DocSet<T> set, object id) where T : class
    {
        id = set.NormalizeId(id);
        lock (gate)
        {
            if (map.TryGetValue((set, id), out var e))
            {
                if (e.State == State.Added) { map.Remove((set, id)); order.Remove((set, id)); return; }
                if (e.State == State.Loaded) order.Add((set, id));
                e.State = State.Deleted;
                e.Doc = null;
                return;
            }
            Write(set, id, null, State.Deleted, 0);
        }
    }

    private void Write(DocSet set, object id, object? doc, State state, long version)
    {
        map[(set, id)] = new Entry(doc, version, state);
        order.Add((set, id));
    }

    /// <summary>The unit's pending writes to one collection: the document as it will be stored, or null when deleted.</summary>
    public List<(object Id, object? Doc)> Pending(DocSet set)
    {
        var list = new List<(object, object?)>();
        lock (gate)
            foreach (var key in order.Where(k => k.Set == set).Distinct())
                if (map.TryGetValue(key, out var e) && e.State != State.Loaded) list.Add((key.Id, e.Doc));
        return list;
    }

    internal void AfterCommit(Action action)
    {
        lock (gate) afterCommit.Add(action);
    }

    internal void WhenDone(Action action)
    {
        lock (gate) whenDone.Add(action);
    }

    internal bool HasWrites
    {
        get { lock (gate) return order.Count > 0; }
    }

    internal void Discard()
    {
        lock (gate)
        {
            map.Clear();
            order.Clear();
            afterCommit.Clear();
        }
    }

    /// <summary>The unit's writes, serialized on this thread, one op per document in first-write order.</summary>
    internal WriteSet ToWriteSet()
    {
        lock (gate)
        {
            var ops = new List<WriteOp>(order.Count);
            var seen = new HashSet<(DocSet, object)>();
            foreach (var key in order)
            {
                if (!seen.Add(key) || !map.TryGetValue(key, out var e)) continue;
                var (set, id) = key;
                ops.Add(e.State switch
                {
                    State.Added => new WriteOp(WriteKind.Insert, set, id, engine.Prepare(set, e.Doc!), 0),
                    State.Modified => new WriteOp(WriteKind.Update, set, id, engine.Prepare(set, e.Doc!), e.Version),
                    State.Upserted => new WriteOp(WriteKind.Upsert, set, id, engine.Prepare(set, e.Doc!), 0),
                    State.Deleted => new WriteOp(WriteKind.Delete, set, id, null, e.Version),
                    _ => throw new InvalidOperationException($"{set.Name} {id}: nothing to write."),
                });
            }
            return new WriteSet(ops, Label);
        }
    }

    internal void Complete(bool committed)
    {
        List<Action> actions;
        lock (gate)
        {
            Completed = true;
            actions = committed ? [.. afterCommit] : [];
            actions.AddRange(whenDone);
            afterCommit.Clear();
            whenDone.Clear();
        }
        foreach (var a in actions) a();
    }
}

namespace Zhonghan.Storage.Documents;

/// <summary>
/// The document API the stores are written against. Reads go through the open unit of work (so a unit sees its own
/// changes) or, outside one, straight to committed data. Writes need an open unit; outside one they commit at once
/// in a unit of their own (small bookkeeping of the channels, never the domain).
/// </summary>
public sealed class Documents(IDocumentEngine engine, UnitsOfWork units)
{
    public IDocumentEngine Engine => engine;

    public T? Get<T>(DocSet<T> set, object id) where T : class =>
        units.Current is { } s ? s.Get(set, id) : engine.Get(set, set.NormalizeId(id))?.Doc as T;

    public List<T> Range<T>(DocSet<T> set, IndexDef<T> index, KeyRange range, int skip = 0, int limit = int.MaxValue) where T : class
    {
        if (units.Current is not { } s)
        {
            var found = engine.Range(set, index, range, skip, limit);
            var list = new List<T>(found.Count);
            foreach (var f in found) list.Add((T)f.Doc);
            return list;
        }
        var changed = s.Pending(set);
        if (changed.Count == 0) return s.Track(set, engine.Range(set, index, range, skip, limit));
        // The unit changed documents of this collection: merge them in, so it sees its own inserts and moves.
        var wanted = (int)Math.Min(int.MaxValue, (long)skip + limit + changed.Count);
        return Merge(s.Track(set, engine.Range(set, index, range, 0, wanted)), changed, index, range.Contains, range.Descending)
            .Skip(skip).Take(limit).ToList();
    }

    public List<T> WithKeys<T>(DocSet<T> set, IndexDef<T> index, IReadOnlyCollection<string> keys) where T : class
    {
        var found = engine.WithKeys(set, index, keys);
        if (units.Current is not { } s) return found.Select(f => (T)f.Doc).ToList();
        var changed = s.Pending(set);
        var tracked = s.Track(set, found);
        if (changed.Count == 0) return tracked;
        var wanted = keys as IReadOnlySet<string> ?? keys.ToHashSet(StringComparer.Ordinal);
        return Merge(tracked, changed, index, wanted.Contains, descending: false);
    }

    /// <summary>Committed matches as this unit holds them, without those it moved out of the range, plus those it moved or put in.</summary>
    private static List<T> Merge<T>(List<T> tracked, List<(object Id, object? Doc)> changed, IndexDef<T> index, Func<string, bool> matches, bool descending)
        where T : class
    {
        var byKey = new List<(string Key, T Doc)>(tracked.Count + changed.Count);
        var seen = new HashSet<T>(ReferenceEqualityComparer.Instance);
        foreach (var doc in tracked.Concat(changed.Select(c => c.Doc).OfType<T>()))
        {
            if (!seen.Add(doc)) continue;
            var key = index.KeysOf(doc).Where(matches).DefaultIfEmpty().Aggregate((a, b) => string.CompareOrdinal(a, b) <= 0 == !descending ? a : b);
            if (key is not null) byKey.Add((key, doc));
        }
        byKey.Sort((a, b) => descending ? string.CompareOrdinal(b.Key, a.Key) : string.CompareOrdinal(a.Key, b.Key));
        return byKey.Select(x => x.Doc).ToList();
    }

    public T? First<T>(DocSet<T> set, IndexDef<T> index, KeyRange range) where T : class =>
        Range(set, index, range, 0, 1) is [var first, ..] ? first : null;

    public List<T> Where<T>(DocSet<T> set, IndexDef<T> index, string key, int limit = int.MaxValue) where T : class =>
        Range(set, index, KeyRange.Exactly(key), 0, limit);

    public long Count<T>(DocSet<T> set, IndexDef<T> index, KeyRange range) where T : class
    {
        var count = engine.Count(set, index, range);
        if (units.Current is not { } s) return count;
        foreach (var (id, doc) in s.Pending(set))
        {
            var before = engine.Get(set, id) is { } committed && index.KeysOf(committed.Doc).Any(range.Contains);
            var after = doc is not null && index.KeysOf(doc).Any(range.Contains);
            count += (after ? 1 : 0) - (before ? 1 : 0);
        }
        return count;
    }

    /// <summary>Reads a document as committed now, dropping the unit's earlier (unchanged) read of it.</summary>
    public T? Fresh<T>(DocSet<T> set, object id) where T : class
    {
        units.Current?.Forget(set, set.NormalizeId(id));
        return Get(set, id);
    }

    public IReadOnlyList<string> Keys<T>(DocSet<T> set, IndexDef<T> index, KeyRange range, int limit = int.MaxValue) where T : class =>
        engine.Keys(set, index, range, limit);

    public IEnumerable<T> All<T>(DocSet<T> set) where T : class => engine.All(set).Select(s => (T)s.Doc);

    public void Insert<T>(DocSet<T> set, T doc) where T : class => Write(s => s.Insert(set, doc));

    public void Update<T>(DocSet<T> set, T doc) where T : class => Write(s => s.Update(set, doc));

    public void Upsert<T>(DocSet<T> set, T doc) where T : class => Write(s => s.Upsert(set, doc));

    public void Delete<T>(DocSet<T> set, object id) where T : class => Write(s => s.Delete(set, id));

    public int DeleteRange<T>(DocSet<T> set, IndexDef<T> index, KeyRange range) where T : class => engine.DeleteRange(set, index, range);

    private void Write(Action<Session> write)
    {
        if (units.Current is { } s) { write(s); return; }
        using var unit = units.Begin("auto");
        write(units.Current!);
        // A one-off write outside any unit: wait for it here (the committer runs on its own thread, so no deadlock).
        unit.CommitAsync(CancellationToken.None).GetAwaiter().GetResult();
    }
}

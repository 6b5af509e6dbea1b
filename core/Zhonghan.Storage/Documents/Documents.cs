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
        var found = engine.Range(set, index, range, skip, limit);
        if (units.Current is { } s) return s.Track(set, found);
        var list = new List<T>(found.Count);
        foreach (var f in found) list.Add((T)f.Doc);
        return list;
    }

    public List<T> WithKeys<T>(DocSet<T> set, IndexDef<T> index, IReadOnlyCollection<string> keys) where T : class
    {
        var found = engine.WithKeys(set, index, keys);
        return units.Current is { } s ? s.Track(set, found) : found.Select(f => (T)f.Doc).ToList();
    }

    public T? First<T>(DocSet<T> set, IndexDef<T> index, KeyRange range) where T : class =>
        Range(set, index, range, 0, 1) is [var first, ..] ? first : null;

    public List<T> Where<T>(DocSet<T> set, IndexDef<T> index, string key, int limit = int.MaxValue) where T : class =>
        Range(set, index, KeyRange.Exactly(key), 0, limit);

    public long Count<T>(DocSet<T> set, IndexDef<T> index, KeyRange range) where T : class => engine.Count(set, index, range);

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

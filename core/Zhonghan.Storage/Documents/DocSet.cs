namespace Zhonghan.Storage.Documents;

/// <summary>How a collection numbers its documents.</summary>
public enum IdKind { Int32, Int64, String }

/// <summary>
/// A collection of documents of one type: its name, how to read and set the id, and its indexes. Declared once in
/// <c>Schema/</c>; each engine (LiteDB, PostgreSQL) realizes it. Index keys are computed here from the entity, so the
/// entities carry no storage keys.
/// </summary>
public abstract class DocSet
{
    protected DocSet(string name, Type type, IdKind idKind)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            throw new ArgumentException($"Collection name '{name}' must be lower-case letters, digits or '_'.", nameof(name));
        (Name, Type, IdKind) = (name, type, idKind);
    }

    public string Name { get; }
    public Type Type { get; }
    public IdKind IdKind { get; }
    public abstract IReadOnlyList<IndexDef> Indexes { get; }

    public abstract object IdOf(object doc);

    /// <summary>True when the document has no id yet (0 for numbered collections): the store assigns the next one.</summary>
    public abstract bool NeedsId(object doc);

    public abstract void SetId(object doc, long id);

    public IndexDef Index(string name) =>
        Indexes.FirstOrDefault(i => i.Name == name) ?? throw new ArgumentException($"{Name} has no index '{name}'.", nameof(name));

    /// <summary>Normalizes an id given by a caller (an int for an Int64 collection, say) to the collection's type.</summary>
    public object NormalizeId(object id) => IdKind switch
    {
        IdKind.Int32 => Convert.ToInt32(id, System.Globalization.CultureInfo.InvariantCulture),
        IdKind.Int64 => Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture),
        _ => id as string ?? throw new ArgumentException($"{Name} has string ids."),
    };

    public override string ToString() => Name;
}

/// <summary>A typed collection: <c>new DocSet&lt;Customer&gt;("customers", c =&gt; c.Id, (c, id) =&gt; c.Id = (int)id, …indexes)</c>.</summary>
public sealed class DocSet<T> : DocSet where T : class
{
    private readonly Func<T, object> id;
    private readonly Action<T, long>? setId;
    private readonly IndexDef[] indexes;

    public DocSet(string name, IdKind idKind, Func<T, object> id, Action<T, long>? setId, params IndexDef<T>[] indexes)
        : base(name, typeof(T), idKind)
    {
        if (idKind != IdKind.String && setId is null) throw new ArgumentException("Numbered collections need setId.", nameof(setId));
        (this.id, this.setId, this.indexes) = (id, setId, indexes.Cast<IndexDef>().ToArray());
        if (indexes.Select(i => i.Name).Distinct().Count() != indexes.Length) throw new ArgumentException($"{name}: index names repeat.");
    }

    public override IReadOnlyList<IndexDef> Indexes => indexes;

    public override object IdOf(object doc) => id((T)doc);

    public override bool NeedsId(object doc) => IdKind != IdKind.String && Convert.ToInt64(id((T)doc), System.Globalization.CultureInfo.InvariantCulture) == 0;

    public override void SetId(object doc, long value) => setId!((T)doc, value);

    public IndexDef<T> this[string name] => (IndexDef<T>)Index(name);
}

/// <summary>
/// An index: a string key (or several, for a multikey index) computed from the document; null = not in the index.
/// Keys compare ordinally (byte-wise), so composite keys are written to sort as wanted (see <see cref="Keys"/>).
/// </summary>
public abstract class IndexDef
{
    protected IndexDef(string name, bool unique, bool multi)
    {
        if (name.Length == 0 || !name.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"Index name '{name}' must be letters and digits.", nameof(name));
        (Name, Unique, Multi) = (name, unique, multi);
    }

    public string Name { get; }
    public bool Unique { get; }
    /// <summary>Several keys per document (e.g. every phone of a customer); only equality lookups are supported.</summary>
    public bool Multi { get; }

    /// <summary>The document's keys in this index (none when it is not indexed).</summary>
    public abstract IReadOnlyList<string> KeysOf(object doc);
}

public sealed class IndexDef<T> : IndexDef where T : class
{
    private readonly Func<T, string?>? single;
    private readonly Func<T, IEnumerable<string>>? many;

    private IndexDef(string name, bool unique, Func<T, string?>? single, Func<T, IEnumerable<string>>? many)
        : base(name, unique, many is not null) => (this.single, this.many) = (single, many);

    public static IndexDef<T> On(string name, Func<T, string?> key, bool unique = false) => new(name, unique, key, null);

    public static IndexDef<T> OnEach(string name, Func<T, IEnumerable<string>> keys) => new(name, false, null, keys);

    public override IReadOnlyList<string> KeysOf(object doc)
    {
        if (single is not null) return single((T)doc) is { } k ? [k] : [];
        return many!((T)doc).Distinct(StringComparer.Ordinal).ToArray();
    }
}

using Zhonghan.Storage.Documents;

namespace Zhonghan.Storage.PostgreSql;

/// <summary>
/// One collection as a table: <c>id</c> (typed by <see cref="IdKind"/>), <c>version</c>, <c>body</c> jsonb, one
/// <c>text COLLATE "C"</c> column per single-key index (btree on key and id) and one <c>text[]</c> column per multikey
/// index (GIN), plus the claim columns of <see cref="IDocumentEngine.Claim"/>. The statements are built once here.
/// </summary>
internal sealed class PgTable
{
    public PgTable(DocSet set)
    {
        Set = set;
        Name = Quote(set.Name);
        Sequence = Quote(set.Name + "_id_seq");
        Columns = set.Indexes.ToDictionary(i => i, Column);
        if (Columns.Values.Distinct(StringComparer.Ordinal).Count() != Columns.Count)
            throw new ArgumentException($"{set.Name}: two indexes map to the same column name.");
        var keyColumns = string.Concat(set.Indexes.Select(i => ", " + Columns[i]));
        var keyParams = string.Concat(set.Indexes.Select((_, n) => $", @k{n}"));
        var keySets = string.Concat(set.Indexes.Select((i, n) => $", {Columns[i]} = @k{n}"));
        Insert = $"INSERT INTO {Name} (id, version, body{keyColumns}) VALUES (@id, 1, @body{keyParams})";
        Upsert = Insert + $" ON CONFLICT (id) DO UPDATE SET version = {Name}.version + 1, body = excluded.body"
                 + string.Concat(set.Indexes.Select(i => $", {Columns[i]} = excluded.{Columns[i]}"));
        Update = $"UPDATE {Name} SET version = version + 1, body = @body{keySets} WHERE id = @id";
        UpdateGuarded = Update + " AND version = @expected";
        Delete = $"DELETE FROM {Name} WHERE id = @id";
        DeleteGuarded = Delete + " AND version = @expected";
        Get = $"SELECT body, version FROM {Name} WHERE id = @id";
        Copy = $"COPY {Name} (id, version, body{keyColumns}) FROM STDIN (FORMAT BINARY)";
    }

    public DocSet Set { get; }
    public string Name { get; }
    public string Sequence { get; }
    public IReadOnlyDictionary<IndexDef, string> Columns { get; }
    public string Insert { get; }
    public string Upsert { get; }
    public string Update { get; }
    public string UpdateGuarded { get; }
    public string Delete { get; }
    public string DeleteGuarded { get; }
    public string Get { get; }
    public string Copy { get; }

    public string IdType => Set.IdKind switch
    {
        IdKind.Int32 => "integer",
        IdKind.Int64 => "bigint",
        _ => "text COLLATE \"C\"",
    };

    public static string Column(IndexDef index) => (index.Multi ? "m_" : "k_") + index.Name.ToLowerInvariant();

    public string IndexName(IndexDef index) => Quote($"{Set.Name}_{Column(index)}");

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The condition for a key range. Keys are compared byte-wise (UTF-8, COLLATE "C"); .NET compares UTF-16 code
    /// units, where <see cref="Keys.Last"/> (U+FFFF) closes every prefix. In UTF-8 order characters beyond U+FFFF
    /// (an emoji in a name) sort after it, so a high bound ending in U+FFFF ends in the largest code point here.
    /// </summary>
    public string Where(IndexDef index, KeyRange range)
    {
        var column = Columns[index];
        if (index.Multi)
        {
            if (!range.IsExact) throw new NotSupportedException($"Index {index.Name} has several keys per document: only exact lookups.");
            return $"{column} @> ARRAY[@lo]::text[]";
        }
        return range.IsExact ? $"{column} = @lo" : $"{column} >= @lo AND {column} <= @hi";
    }

    public string OrderBy(IndexDef index, bool descending)
    {
        var dir = descending ? " DESC" : "";
        return index.Multi ? $"id{dir}" : $"{Columns[index]}{dir}, id{dir}";
    }

    private static readonly string MaxCodePoint = char.ConvertFromUtf32(0x10FFFF);

    public static string High(KeyRange range)
    {
        var high = range.High;
        var end = high.Length;
        while (end > 0 && high[end - 1] == '\uffff') end--;
        return end == high.Length ? high : high[..end] + string.Concat(Enumerable.Repeat(MaxCodePoint, high.Length - end));
    }
}

using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using Zhonghan.Storage.Documents;

namespace Zhonghan.Storage.PostgreSql;

/// <summary>
/// The document engine on PostgreSQL, shared by several bot instances: a table per collection (see
/// <see cref="PgTable"/>). Reads run synchronously on the callers' threads (the stores are synchronous by design) on
/// connections from one pooled data source; writes arrive in batches from the group committer, one transaction each.
/// </summary>
public sealed partial class PostgreSqlEngine : IDocumentEngine
{
    private readonly NpgsqlDataSource source;
    private readonly ConcurrentDictionary<DocSet, PgTable> tables = new();

    public PostgreSqlEngine(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Several instances each keep a pool: the default (100) per instance is more than a 50-person company needs.
        if (!builder.ContainsKey("Maximum Pool Size")) builder.MaxPoolSize = 50;
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "zhonghan-bot";
        ConnectionString = builder.ConnectionString;
        source = NpgsqlDataSource.Create(builder);
    }

    public string Name => "PostgreSQL";

    /// <summary>The connection string in use (with the pool settings added).</summary>
    public string ConnectionString { get; }

    /// <summary>Where the store is, for the log: host, port and database, never the password.</summary>
    public string Describe()
    {
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }

    internal NpgsqlConnection Open() => source.OpenConnection();

    internal PgTable Table(DocSet set) => tables.GetOrAdd(set, s => new PgTable(s));

    private sealed class Row
    {
        public string Body { get; set; } = "";
        public long Version { get; set; }
    }

    private static Stored ToStored(DocSet set, Row row) => new(PgJson.Deserialize(row.Body, set.Type), row.Version);

    private static List<Stored> ToStored(DocSet set, IEnumerable<Row> rows) => rows.Select(r => ToStored(set, r)).ToList();

    private static DynamicParameters Range(KeyRange range, int skip = 0, int limit = int.MaxValue)
    {
        var p = new DynamicParameters();
        p.Add("lo", range.Low);
        p.Add("hi", PgTable.High(range));
        p.Add("skip", (long)skip);
        p.Add("limit", limit == int.MaxValue ? (long?)null : limit); // LIMIT NULL = no limit
        return p;
    }

    public Stored? Get(DocSet set, object id)
    {
        using var c = Open();
        var row = c.QuerySingleOrDefault<Row>(Table(set).Get, Id(set, id));
        return row is null ? null : ToStored(set, row);
    }

    public IReadOnlyList<Stored> Range(DocSet set, IndexDef index, KeyRange range, int skip, int limit)
    {
        var t = Table(set);
        using var c = Open();
        return ToStored(set, c.Query<Row>(
            $"SELECT body, version FROM {t.Name} WHERE {t.Where(index, range)} ORDER BY {t.OrderBy(index, range.Descending)} OFFSET @skip LIMIT @limit",
            Range(range, skip, limit)));
    }

    public IReadOnlyList<Stored> WithKeys(DocSet set, IndexDef index, IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0) return [];
        var t = Table(set);
        var column = t.Columns[index];
        var where = index.Multi ? $"{column} && @keys::text[]" : $"{column} = ANY(@keys::text[])";
        using var c = Open();
        return ToStored(set, c.Query<Row>($"SELECT body, version FROM {t.Name} WHERE {where} ORDER BY id", new { keys = keys.Distinct().ToArray() }));
    }

    public long Count(DocSet set, IndexDef index, KeyRange range)
    {
        var t = Table(set);
        using var c = Open();
        return c.ExecuteScalar<long>($"SELECT count(*) FROM {t.Name} WHERE {t.Where(index, range)}", Range(range));
    }

    public IReadOnlyList<string> Keys(DocSet set, IndexDef index, KeyRange range, int limit)
    {
        var t = Table(set);
        var key = index.Multi ? "@lo" : t.Columns[index];
        using var c = Open();
        return c.Query<string>(
            $"SELECT {key} FROM {t.Name} WHERE {t.Where(index, range)} ORDER BY {t.OrderBy(index, range.Descending)} LIMIT @limit",
            Range(range, 0, limit)).ToList();
    }

    /// <summary>Every document, streamed in id order (the connection stays open while the caller reads).</summary>
    public IEnumerable<Stored> All(DocSet set)
    {
        using var c = Open();
        foreach (var row in c.Query<Row>($"SELECT body, version FROM {Table(set).Name} ORDER BY id", buffered: false))
            yield return ToStored(set, row);
    }

    public string ChangeStamp(DocSet set)
    {
        using var c = Open();
        return c.ExecuteScalar<string>($"SELECT count(*) || ':' || coalesce(sum(version), 0) FROM {Table(set).Name}") ?? "";
    }

    /// <summary>Nothing to do: PostgreSQL checkpoints and vacuums on its own.</summary>
    public void Idle()
    {
    }

    internal static DynamicParameters Id(DocSet set, object id)
    {
        var p = new DynamicParameters();
        p.Add("id", set.NormalizeId(id));
        return p;
    }

    public void Dispose() => source.Dispose();
}

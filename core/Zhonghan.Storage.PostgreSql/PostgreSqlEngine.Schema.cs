using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using Zhonghan.Storage.Documents;

namespace Zhonghan.Storage.PostgreSql;

public sealed partial class PostgreSqlEngine
{
    /// <summary>The layout of the tables this code writes (id, version, body, key columns, claim columns).</summary>
    public const int SchemaVersion = 1;
    /// <summary>Taken while the schema is created or changed, so two instances starting together do it once.</summary>
    private const long SchemaLock = 0x5A48_5343; // "ZHSC"

    /// <summary>Progress of a schema change, for the start-up log.</summary>
    public Action<string>? Progress { get; set; }

    /// <summary>True when this start created the store's tables (an empty database: demo data may be seeded).</summary>
    public bool CreatedSchema { get; private set; }

    /// <summary>
    /// Creates or brings up to date the tables for <paramref name="sets"/>, under an advisory lock, recording each
    /// change in <c>zhonghan_schema</c>. A database written by a newer version is refused. Throws
    /// <see cref="StoreSchemaException"/> with one line when the schema cannot be brought up to date.
    /// </summary>
    public void EnsureSchema(IReadOnlyList<DocSet> sets)
    {
        try
        {
            using var c = Open();
            using var tx = c.BeginTransaction();
            c.Execute("SELECT pg_advisory_xact_lock(@k)", new { k = SchemaLock }, tx);
            c.Execute("""
                CREATE TABLE IF NOT EXISTS zhonghan_schema (
                    version integer NOT NULL, layout text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), note text NOT NULL,
                    PRIMARY KEY (version, layout))
                """, transaction: tx);
            var current = c.QueryFirstOrDefault<(int Version, string Layout)?>(
                "SELECT version, layout FROM zhonghan_schema ORDER BY applied_at DESC, version DESC LIMIT 1", transaction: tx);
            if (current is { Version: > SchemaVersion } newer)
                throw new StoreSchemaException($"数据库结构是第 {newer.Version} 版，比本程序（第 {SchemaVersion} 版）新：请升级本程序。/ The database schema (v{newer.Version}) is newer than this program (v{SchemaVersion}).");
            var layout = Layout(sets);
            foreach (var set in sets) tables.TryAdd(set, new PgTable(set));
            if (current is { } cur && cur.Version == SchemaVersion && cur.Layout == layout)
            {
                tx.Commit();
                return;
            }
            CreatedSchema = current is null;
            foreach (var set in sets) Reconcile(c, tx, Table(set));
            c.Execute("INSERT INTO zhonghan_schema (version, layout, note) VALUES (@v, @layout, @note) ON CONFLICT DO NOTHING",
                new { v = SchemaVersion, layout, note = current is null ? "created" : "indexes brought up to date" }, tx);
            tx.Commit();
        }
        catch (Exception e) when (e is PostgresException or InvalidOperationException)
        {
            throw new StoreSchemaException($"PostgreSQL 数据库结构无法建立或升级：{e.Message} / The PostgreSQL schema could not be created or migrated.", e);
        }
    }

    /// <summary>A fingerprint of the declared collections and indexes: a change is migrated once, at the next start.</summary>
    private static string Layout(IEnumerable<DocSet> sets)
    {
        var text = string.Join(";", sets.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s =>
            $"{s.Name}:{s.IdKind}:" + string.Join(",", s.Indexes.Select(i => $"{i.Name}{(i.Multi ? "*" : "")}{(i.Unique ? "!" : "")}"))));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private void Reconcile(NpgsqlConnection c, NpgsqlTransaction tx, PgTable t)
    {
        c.Execute($"""
            CREATE TABLE IF NOT EXISTS {t.Name} (
                id {t.IdType} PRIMARY KEY, version bigint NOT NULL, body jsonb NOT NULL,
                claim_owner text, claim_until timestamptz)
            """, transaction: tx);
        if (t.Set.IdKind != IdKind.String)
        {
            c.Execute($"CREATE SEQUENCE IF NOT EXISTS {t.Sequence}", transaction: tx);
            c.Execute($"SELECT setval('{t.Sequence}', GREATEST((SELECT coalesce(max(id), 0) FROM {t.Name}), (SELECT last_value FROM {t.Sequence})), true)", transaction: tx);
        }
        var existing = c.Query<string>("""
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = @name AND (column_name LIKE 'k\_%' OR column_name LIKE 'm\_%')
            """, new { name = t.Set.Name }, tx).ToHashSet(StringComparer.Ordinal);
        var added = new List<IndexDef>();
        foreach (var (index, column) in t.Columns)
        {
            if (existing.Remove(column)) continue;
            c.Execute($"ALTER TABLE {t.Name} ADD COLUMN {column} {(index.Multi ? "text[]" : "text COLLATE \"C\"")}", transaction: tx);
            added.Add(index);
        }
        // Columns of indexes no longer declared go (with their indexes).
        foreach (var gone in existing) c.Execute($"ALTER TABLE {t.Name} DROP COLUMN {PgTable.Quote(gone)}", transaction: tx);
        if (added.Count > 0) Backfill(c, tx, t, added);
        foreach (var (index, column) in t.Columns)
        {
            var sql = index.Multi ? $"CREATE INDEX IF NOT EXISTS {t.IndexName(index)} ON {t.Name} USING gin ({column})"
                : index.Unique ? $"CREATE UNIQUE INDEX IF NOT EXISTS {t.IndexName(index)} ON {t.Name} ({column}) WHERE {column} IS NOT NULL"
                : $"CREATE INDEX IF NOT EXISTS {t.IndexName(index)} ON {t.Name} ({column}, id)";
            c.Execute(sql, transaction: tx);
        }
    }

    /// <summary>Computes a new index's keys for the documents already stored (the keys come from the entity, in .NET).</summary>
    private void Backfill(NpgsqlConnection c, NpgsqlTransaction tx, PgTable t, List<IndexDef> added)
    {
        var total = c.ExecuteScalar<long>($"SELECT count(*) FROM {t.Name}", transaction: tx);
        if (total == 0) return;
        Progress?.Invoke($"PostgreSQL：{t.Set.Name} 新索引 {string.Join("、", added.Select(i => i.Name))}，{total:N0} 个文档");
        var rows = c.Query<(object Id, string Body)>($"SELECT id, body::text FROM {t.Name}", transaction: tx).ToList();
        var sets = string.Join(", ", added.Select((i, n) => $"{t.Columns[i]} = @k{n}"));
        foreach (var (id, body) in rows)
        {
            var doc = PgJson.Deserialize(body, t.Set.Type);
            using var cmd = new NpgsqlCommand($"UPDATE {t.Name} SET {sets} WHERE id = @id", c, tx);
            cmd.Parameters.Add(new NpgsqlParameter("id", id));
            for (var n = 0; n < added.Count; n++)
            {
                var keys = added[n].KeysOf(doc);
                cmd.Parameters.Add(KeyParameter($"k{n}", added[n], added[n].Multi ? keys.ToArray() : keys.Count > 0 ? keys[0] : null));
            }
            cmd.ExecuteNonQuery();
        }
    }
}

/// <summary>The PostgreSQL schema could not be created or migrated; the message is one line for the operator.</summary>
public sealed class StoreSchemaException(string message, Exception? inner = null) : Exception(message, inner);

using Dapper;
using Npgsql;

namespace Zhonghan.Storage.PostgreSql;

public sealed partial class PostgreSqlEngine
{
    /// <summary>
    /// What PostgreSQL cannot tell by itself about our layout: every table, key column and index is there and valid
    /// (an interrupted <c>CREATE INDEX CONCURRENTLY</c> leaves an invalid one), and each table reads from end to end
    /// through its primary key. Page-level damage is PostgreSQL's own business (checksums, <c>amcheck</c>).
    /// </summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        using var c = Open();
        foreach (var t in tables.Values.OrderBy(t => t.Set.Name, StringComparer.Ordinal))
        {
            try
            {
                var indexes = c.Query<(string Name, bool Valid)>("""
                    SELECT i.relname, x.indisvalid FROM pg_index x
                    JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class r ON r.oid = x.indrelid
                    WHERE r.relname = @name AND r.relnamespace = current_schema()::regnamespace
                    """, new { name = t.Set.Name }).ToDictionary(i => i.Name, i => i.Valid, StringComparer.Ordinal);
                if (indexes.Count == 0) { problems.Add($"{t.Set.Name}：表不存在 / no such table"); continue; }
                foreach (var index in t.Set.Indexes)
                {
                    var name = $"{t.Set.Name}_{PgTable.Column(index)}";
                    if (!indexes.TryGetValue(name, out var valid)) problems.Add($"{t.Set.Name}：缺少索引 {name} / index missing");
                    else if (!valid) problems.Add($"{t.Set.Name}：索引 {name} 无效 / index invalid (REINDEX it)");
                }
                _ = c.ExecuteScalar<long>($"SELECT count(*) FROM (SELECT id FROM {t.Name} ORDER BY id) ids");
            }
            catch (PostgresException e)
            {
                problems.Add($"{t.Set.Name}：{e.MessageText}");
            }
        }
        return problems;
    }

    /// <summary>How many documents the collection holds (the migration's read-back).</summary>
    public long CountAll(Zhonghan.Storage.Documents.DocSet set)
    {
        using var c = Open();
        return c.ExecuteScalar<long>($"SELECT count(*) FROM {Table(set).Name}");
    }

    /// <summary>The first and last id of every table, in one statement (health checks: the connection and the tables).</summary>
    public int Probe()
    {
        using var c = Open();
        var known = tables.Values.ToList();
        if (known.Count == 0) return c.ExecuteScalar<int>("SELECT 0");
        var sql = string.Join(" UNION ALL ", known.Select(t => $"(SELECT 1 FROM {t.Name} ORDER BY id LIMIT 1) UNION ALL (SELECT 1 FROM {t.Name} ORDER BY id DESC LIMIT 1)"));
        _ = c.Query<int>(sql).Count();
        return known.Count;
    }
}

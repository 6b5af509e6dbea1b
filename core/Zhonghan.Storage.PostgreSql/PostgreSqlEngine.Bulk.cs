using Dapper;
using Npgsql;
using NpgsqlTypes;
using Zhonghan.Storage.Documents;

namespace Zhonghan.Storage.PostgreSql;

public sealed partial class PostgreSqlEngine
{
    private const int BulkChunk = 5_000;

    /// <summary>A sequence per numbered collection: unique across instances, gaps allowed.</summary>
    public long NextId(DocSet set)
    {
        using var c = Open();
        return c.ExecuteScalar<long>($"SELECT nextval('{Table(set).Sequence}')");
    }

    /// <summary>Binary COPY, in chunks; ids for documents without one come from the sequence, a chunk at a time.</summary>
    public void BulkInsert(DocSet set, IEnumerable<object> docs)
    {
        var t = Table(set);
        using var c = Open();
        foreach (var chunk in docs.Chunk(BulkChunk))
        {
            var needing = chunk.Where(set.NeedsId).ToList();
            if (needing.Count > 0)
            {
                var ids = c.Query<long>($"SELECT nextval('{t.Sequence}') FROM generate_series(1, @n)", new { n = needing.Count }).ToList();
                for (var i = 0; i < needing.Count; i++) set.SetId(needing[i], ids[i]);
            }
            using var writer = c.BeginBinaryImport(t.Copy);
            foreach (var doc in chunk) WriteRow(writer, set, (PgDoc)Prepare(set, doc).Payload, set.NormalizeId(set.IdOf(doc)));
            writer.Complete();
        }
        if (set.IdKind != IdKind.String)
            c.Execute($"SELECT setval('{t.Sequence}', GREATEST((SELECT coalesce(max(id), 0) FROM {t.Name}), (SELECT last_value FROM {t.Sequence})), true)");
    }

    private static void WriteRow(NpgsqlBinaryImporter writer, DocSet set, PgDoc doc, object id)
    {
        writer.StartRow();
        switch (id)
        {
            case int i: writer.Write(i, NpgsqlDbType.Integer); break;
            case long l: writer.Write(l, NpgsqlDbType.Bigint); break;
            default: writer.Write((string)id, NpgsqlDbType.Text); break;
        }
        writer.Write(1L, NpgsqlDbType.Bigint);
        writer.Write(doc.Json, NpgsqlDbType.Jsonb);
        for (var i = 0; i < doc.Keys.Length; i++)
        {
            if (doc.Keys[i] is null) writer.WriteNull();
            else if (set.Indexes[i].Multi) writer.Write((string[])doc.Keys[i]!, NpgsqlDbType.Array | NpgsqlDbType.Text);
            else writer.Write((string)doc.Keys[i]!, NpgsqlDbType.Text);
        }
    }

    public int DeleteRange(DocSet set, IndexDef index, KeyRange range)
    {
        var t = Table(set);
        using var c = Open();
        return c.Execute($"DELETE FROM {t.Name} WHERE {t.Where(index, range)}", Range(range));
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> documents of the range whose claim is free, lapsed or already the
    /// owner's: <c>FOR UPDATE SKIP LOCKED</c> keeps two instances claiming at the same moment from taking the same
    /// ones; the lease (on the database's clock, common to all instances) hands them to another instance when the
    /// owner dies. The documents' versions are not touched, so the owner's later save is not a conflict.
    /// </summary>
    public IReadOnlyList<Stored> Claim(DocSet set, IndexDef index, KeyRange range, int limit, string owner, TimeSpan lease)
    {
        var t = Table(set);
        var p = Range(range, 0, limit);
        p.Add("owner", owner);
        p.Add("lease", lease);
        using var c = Open();
        var rows = c.Query<ClaimedRow>($"""
            WITH free AS (
                SELECT id FROM {t.Name}
                WHERE {t.Where(index, range)} AND (claim_until IS NULL OR claim_until < clock_timestamp() OR claim_owner = @owner)
                ORDER BY {t.OrderBy(index, range.Descending)} LIMIT @limit FOR UPDATE SKIP LOCKED)
            UPDATE {t.Name} d SET claim_owner = @owner, claim_until = clock_timestamp() + @lease
            FROM free WHERE d.id = free.id
            RETURNING d.body, d.version, {(index.Multi ? "d.id::text" : "d." + t.Columns[index])} AS key
            """, p);
        return rows.OrderBy(r => r.Key, range.Descending ? Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a)) : StringComparer.Ordinal)
            .Select(r => new Stored(PgJson.Deserialize(r.Body, set.Type), r.Version)).ToList();
    }

    private sealed class ClaimedRow
    {
        public string Body { get; set; } = "";
        public long Version { get; set; }
        public string Key { get; set; } = "";
    }
}

using Npgsql;
using NpgsqlTypes;
using Zhonghan.Storage.Documents;

namespace Zhonghan.Storage.PostgreSql;

public sealed partial class PostgreSqlEngine
{
    /// <summary>What <see cref="Prepare"/> makes: the body's JSON and the keys of every index, in index order.</summary>
    internal sealed record PgDoc(string Json, object?[] Keys);

    public PreparedDoc Prepare(DocSet set, object doc)
    {
        var keys = new List<(IndexDef, IReadOnlyList<string>)>(set.Indexes.Count);
        var values = new object?[set.Indexes.Count];
        for (var i = 0; i < set.Indexes.Count; i++)
        {
            var index = set.Indexes[i];
            var k = index.KeysOf(doc);
            keys.Add((index, k));
            values[i] = index.Multi ? k.ToArray() : k.Count > 0 ? k[0] : null;
        }
        return new PreparedDoc(set.IdOf(doc), new PgDoc(PgJson.Serialize(doc, set.Type), values), keys);
    }

    /// <summary>
    /// One transaction for the batch, a savepoint per write set: a set that conflicts (a version moved, a key taken,
    /// a deadlock with another instance) or fails is rolled back to its savepoint alone; the others commit together.
    /// Each set's statements go in one round trip.
    /// </summary>
    public IReadOnlyList<WriteOutcome> Apply(IReadOnlyList<WriteSet> batch)
    {
        var outcomes = new WriteOutcome[batch.Count];
        using var c = Open();
        using var tx = c.BeginTransaction();
        for (var i = 0; i < batch.Count; i++) outcomes[i] = ApplyOne(c, batch[i]);
        tx.Commit();
        return outcomes;
    }

    private WriteOutcome ApplyOne(NpgsqlConnection c, WriteSet set)
    {
        NpgsqlBatch statements;
        try { statements = Statements(c, set); }
        catch (Exception e) when (e is InvalidCastException or ArgumentException or NotSupportedException)
        {
            return WriteOutcome.FailedWith(e); // nothing was sent
        }
        using (statements)
        {
            try
            {
                statements.ExecuteNonQuery();
                for (var i = 0; i < set.Ops.Count; i++)
                    if (Missed(set.Ops[i], statements.BatchCommands[i + 1].RecordsAffected) is { } reason)
                    {
                        Execute(c, "ROLLBACK TO SAVEPOINT w; RELEASE SAVEPOINT w");
                        return WriteOutcome.ConflictOn(reason);
                    }
                Execute(c, "RELEASE SAVEPOINT w");
                return WriteOutcome.Ok;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                Execute(c, "ROLLBACK TO SAVEPOINT w; RELEASE SAVEPOINT w");
                return WriteOutcome.ConflictOn(e.SqlState == PostgresErrorCodes.UniqueViolation ? $"{e.TableName} {e.ConstraintName}: already taken" : e.MessageText);
            }
            catch (PostgresException e)
            {
                Execute(c, "ROLLBACK TO SAVEPOINT w; RELEASE SAVEPOINT w");
                return WriteOutcome.FailedWith(e);
            }
        }
    }

    /// <summary>Why an update or guarded delete touched no row: the document moved on or is gone.</summary>
    private static string? Missed(WriteOp op, int rows)
    {
        if (rows > 0) return null;
        return op.Kind switch
        {
            WriteKind.Update => $"{op.Set.Name} {op.Id}: changed by another unit or no longer exists",
            WriteKind.Delete when op.ExpectedVersion > 0 => $"{op.Set.Name} {op.Id}: changed by another unit",
            _ => null,
        };
    }

    private NpgsqlBatch Statements(NpgsqlConnection c, WriteSet set)
    {
        var batch = new NpgsqlBatch(c);
        try
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT w"));
            foreach (var op in set.Ops) batch.BatchCommands.Add(Statement(op));
            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    private NpgsqlBatchCommand Statement(WriteOp op)
    {
        var t = Table(op.Set);
        var id = op.Set.NormalizeId(op.Id);
        if (op.Kind == WriteKind.Delete)
        {
            var delete = new NpgsqlBatchCommand(op.ExpectedVersion > 0 ? t.DeleteGuarded : t.Delete);
            delete.Parameters.Add(new NpgsqlParameter("id", id));
            if (op.ExpectedVersion > 0) delete.Parameters.Add(new NpgsqlParameter("expected", op.ExpectedVersion));
            return delete;
        }
        var doc = (PgDoc)op.Doc!.Payload;
        var sql = op.Kind switch
        {
            WriteKind.Insert => t.Insert,
            WriteKind.Upsert => t.Upsert,
            _ => op.ExpectedVersion > 0 ? t.UpdateGuarded : t.Update,
        };
        var cmd = new NpgsqlBatchCommand(sql);
        cmd.Parameters.Add(new NpgsqlParameter("id", id));
        cmd.Parameters.Add(new NpgsqlParameter("body", NpgsqlDbType.Jsonb) { Value = doc.Json });
        for (var i = 0; i < doc.Keys.Length; i++)
            cmd.Parameters.Add(KeyParameter($"k{i}", op.Set.Indexes[i], doc.Keys[i]));
        if (op.Kind == WriteKind.Update && op.ExpectedVersion > 0) cmd.Parameters.Add(new NpgsqlParameter("expected", op.ExpectedVersion));
        return cmd;
    }

    internal static NpgsqlParameter KeyParameter(string name, IndexDef index, object? value) =>
        new(name, index.Multi ? NpgsqlDbType.Array | NpgsqlDbType.Text : NpgsqlDbType.Text) { Value = value ?? DBNull.Value };

    private static void Execute(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }
}

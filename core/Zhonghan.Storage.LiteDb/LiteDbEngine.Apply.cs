using LiteDB;
using Zhonghan.Storage.Documents;

namespace Zhonghan.Storage.LiteDb;

public sealed partial class LiteDbEngine
{
    /// <summary>Ops written since the last checkpoint; the committer checkpoints when idle past this many.</summary>
    private const int IdleCheckpointPages = 2_000;
    private int pagesSinceCheckpoint;

    /// <summary>
    /// One transaction for the whole batch (one log flush). Each write set is checked against the state so far —
    /// including earlier sets of the batch — and skipped on a conflict. If anything throws, the batch is rolled back
    /// and each set is tried alone, so one bad set cannot take the others down.
    /// </summary>
    public IReadOnlyList<WriteOutcome> Apply(IReadOnlyList<WriteSet> batch)
    {
        var outcomes = new WriteOutcome[batch.Count];
        if (!db.BeginTrans()) throw new InvalidOperationException("A transaction is already open on the committer thread.");
        try
        {
            for (var i = 0; i < batch.Count; i++) outcomes[i] = ApplyOne(batch[i]);
            db.Commit();
            pagesSinceCheckpoint += batch.Sum(b => b.Ops.Count);
            return outcomes;
        }
        catch (Exception e)
        {
            db.Rollback();
            if (batch.Count == 1) return [WriteOutcome.FailedWith(e)];
            return batch.Select(set => Apply([set])[0]).ToArray();
        }
    }

    private WriteOutcome ApplyOne(WriteSet set)
    {
        var current = new BsonDocument?[set.Ops.Count];
        for (var i = 0; i < set.Ops.Count; i++)
        {
            var op = set.Ops[i];
            current[i] = Col(op.Set).FindById(Id(op.Id));
            if (Conflict(op, current[i]) is { } reason) return WriteOutcome.ConflictOn($"{op.Set.Name} {op.Id}: {reason}");
        }
        for (var i = 0; i < set.Ops.Count; i++) Write(set.Ops[i], current[i]);
        return WriteOutcome.Ok;
    }

    private string? Conflict(WriteOp op, BsonDocument? current)
    {
        switch (op.Kind)
        {
            case WriteKind.Insert when current is not null:
                return "already exists";
            case WriteKind.Update when current is null:
                return "no longer exists";
            case WriteKind.Update or WriteKind.Delete when op.ExpectedVersion > 0 && (current is null || VersionOf(current) != op.ExpectedVersion):
                return "changed by another unit";
        }
        if (op.Doc is null) return null;
        foreach (var (index, keys) in op.Doc.Keys)
        {
            if (!index.Unique) continue;
            foreach (var key in keys)
            {
                var other = Col(op.Set).FindOne(Where(index, KeyRange.Exactly(key)));
                if (other is not null && other["_id"] != Id(op.Id)) return $"{index.Name} '{key}' is taken";
            }
        }
        return null;
    }

    private void Write(WriteOp op, BsonDocument? current)
    {
        var col = Col(op.Set);
        if (op.Kind == WriteKind.Delete)
        {
            if (current is not null) col.Delete(Id(op.Id));
            return;
        }
        var doc = (BsonDocument)op.Doc!.Payload;
        doc[VersionField] = (current is null ? 0 : VersionOf(current)) + 1;
        if (current is null) col.Insert(doc);
        else col.Update(doc);
    }

    private static long VersionOf(BsonDocument doc) => doc.TryGetValue(VersionField, out var v) && v.IsNumber ? v.AsInt64 : 0;
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Zhonghan.Storage.Documents;

/// <summary>
/// Group commit: units that finish at the same moment are written by one transaction and one log flush. A single
/// committer thread (LiteDB binds a transaction to its thread) takes everything waiting, lets the engine check and
/// apply each unit's writes, and only then tells each unit its outcome. Nothing is acknowledged before it is durable.
/// </summary>
public sealed class GroupCommitter : IDisposable
{
    public const int MaxBatch = 512;
    private readonly IDocumentEngine engine;
    private readonly ILogger log;
    private readonly BlockingCollection<(WriteSet Set, TaskCompletionSource<WriteOutcome> Done)> waiting = new();
    private readonly Thread thread;
    private long batches, units, applyTicks;

    public GroupCommitter(IDocumentEngine engine, ILogger<GroupCommitter> log)
    {
        (this.engine, this.log) = (engine, log);
        thread = new Thread(Run) { IsBackground = true, Name = "zhonghan-committer" };
        thread.Start();
    }

    /// <summary>Batches committed so far and the units in them (units ÷ batches = how much commits are shared).</summary>
    public (long Batches, long Units) Stats => (Interlocked.Read(ref batches), Interlocked.Read(ref units));

    /// <summary>Time spent applying batches in the engine (checks, writes, the commit itself).</summary>
    public TimeSpan ApplyTime => TimeSpan.FromTicks(Interlocked.Read(ref applyTicks) * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency);

    public Task<WriteOutcome> CommitAsync(WriteSet set)
    {
        if (set.Ops.Count == 0) return Task.FromResult(WriteOutcome.Ok);
        var done = new TaskCompletionSource<WriteOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        try { waiting.Add((set, done)); }
        catch (InvalidOperationException) { throw new ObjectDisposedException(nameof(GroupCommitter), "The store is closed."); }
        return done.Task;
    }

    private void Run()
    {
        var batch = new List<(WriteSet Set, TaskCompletionSource<WriteOutcome> Done)>(MaxBatch);
        while (true)
        {
            batch.Clear();
            if (!waiting.TryTake(out var first))
            {
                Housekeep();
                try { first = waiting.Take(); }
                catch (InvalidOperationException) { return; } // completed: the store is closing
            }
            batch.Add(first);
            while (batch.Count < MaxBatch && waiting.TryTake(out var more)) batch.Add(more);
            Commit(batch);
        }
    }

    private void Commit(List<(WriteSet Set, TaskCompletionSource<WriteOutcome> Done)> batch)
    {
        IReadOnlyList<WriteOutcome> outcomes;
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            outcomes = engine.Apply(batch.Select(b => b.Set).ToList());
            Interlocked.Add(ref applyTicks, System.Diagnostics.Stopwatch.GetTimestamp() - start);
        }
        catch (Exception e)
        {
            log.LogError(e, "Commit of {Count} units failed", batch.Count);
            foreach (var (_, done) in batch) done.TrySetResult(WriteOutcome.FailedWith(e));
            return;
        }
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref units, batch.Count);
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(outcomes[i]);
    }

    private void Housekeep()
    {
        try { engine.Idle(); }
        catch (Exception e) { log.LogWarning(e, "Storage housekeeping failed; will retry when idle again"); }
    }

    /// <summary>Stops taking units, commits those already waiting, then returns.</summary>
    public void Dispose()
    {
        waiting.CompleteAdding();
        thread.Join();
        waiting.Dispose();
    }
}

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;

namespace Zhonghan.Benchmarks.Crm;

/// <summary>
/// Chat turns through the whole in-process pipeline, one after another, each naming a customer of the sending rep:
/// latency, the turns a collection ran in, bytes allocated and bytes written (the store's log and file) per turn.
/// </summary>
public sealed class TurnRunner(IServiceProvider services, DataSet data)
{
    private readonly TurnPipeline pipeline = services.GetRequiredService<TurnPipeline>();
    private readonly CustomerService customers = services.GetRequiredService<CustomerService>();
    private readonly Random rng = new(7);
    private readonly Zhonghan.Storage.DocumentStore store = services.GetRequiredService<Zhonghan.Storage.DocumentStore>();

    public List<string> Notes { get; } = new();

    public async Task<Stats> Turns(int count, string name, Func<Customer, int, string> text)
    {
        var stats = new Stats(name);
        var withGc = new Stats("  … the turns a GC ran in");
        var gcPause = TimeSpan.Zero;
        long allocated = 0, written = 0;
        var commitBefore = TimeSpan.Zero;
        var (batchesBefore, unitsBefore) = (0L, 0L);
        // Enough warm-up for tiered JIT to settle (hot methods are recompiled after their first calls).
        var warmup = Math.Min(1000, Math.Max(100, count / 3));
        for (var i = 0; i < count + warmup; i++)
        {
            var rep = data.SampleByRep.Keys.ElementAt(rng.Next(data.SampleByRep.Count));
            var mine = data.SampleByRep[rep];
            var customer = customers.Get(mine[rng.Next(mine.Count)])!;
            var turn = new Turn
            {
                Channel = Channels.Local, MessageId = Guid.NewGuid().ToString("N"), SenderId = rep,
                Address = ConversationAddress.For(Channels.Local, rep), Text = text(customer, i),
            };
            var gcs = GC.CollectionCount(0);
            var paused = GC.GetTotalPauseDuration();
            var bytes = GC.GetTotalAllocatedBytes();
            var io = WrittenBytes();
            var start = Stopwatch.GetTimestamp();
            var result = await pipeline.OnTurnAsync(turn, CancellationToken.None);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= warmup)
            {
                stats.Add(ms);
                if (GC.CollectionCount(0) != gcs) withGc.Add(ms);
                gcPause += GC.GetTotalPauseDuration() - paused;
                allocated += GC.GetTotalAllocatedBytes() - bytes;
                written += WrittenBytes() - io;
            }
            if (i == warmup)
            {
                Console.WriteLine($"  sample reply ({name}): {result.Replies[0].Text.Split('\n')[0]}");
                commitBefore = store.CommitTime;
                (batchesBefore, unitsBefore) = store.CommitStats;
            }
        }
        var n = Math.Max(1, stats.Count);
        Console.WriteLine(stats);
        var note = $"{name}: {allocated / 1024.0 / n:F0} KB allocated per turn; a GC ran in {100.0 * withGc.Count / n:F1} % of turns " +
                   $"(their p99 {withGc.Percentile(99):F1} ms, pauses {gcPause.TotalMilliseconds:F0} ms in all); {written / 1024.0 / n:F1} KB written per turn; " +
                   $"the engine's commit {(store.CommitTime - commitBefore).TotalMilliseconds / n:F2} ms per turn ({store.CommitStats.Units - unitsBefore} units in {store.CommitStats.Batches - batchesBefore} commits)";
        Console.WriteLine("  " + note);
        Notes.Add(note);
        return stats;
    }

    /// <summary>Bytes this process passed to write(2) so far (/proc/self/io wchar): the store's log and data file, nothing else runs.</summary>
    private static long WrittenBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/io"))
            if (line.StartsWith("wchar:", StringComparison.Ordinal)) return long.Parse(line[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return 0;
    }
}

using Microsoft.Extensions.Time.Testing;
using Zhonghan.Core.Tests.Understanding.Eval;
using Zhonghan.Core.Understanding;

namespace Zhonghan.Benchmarks.Understanding;

/// <summary>
/// Issue 17's figures: the offline reader on the evaluation set and on the held-out set — intent accuracy, slot
/// accuracy and "asked instead of guessed" per intent — and the time to read one message (p50/p99, goal p99 &lt; 1 ms).
/// Options: --rounds N (timed passes over every message, default 200), --set eval|holdout|both (default both).
/// </summary>
public sealed class UnderstandingBenchmark : IBenchmark
{
    public string Name => "understanding";
    public string Description => "free-text reader: accuracy per intent on the evaluation sets, p50/p99 per message (--rounds N --set eval|holdout|both)";

    public Task<int> RunAsync(string[] args)
    {
        var rounds = Arg(args, "--rounds", 200);
        var which = args.SkipWhile(a => a != "--set").Skip(1).FirstOrDefault() ?? "both";
        var sets = new List<(string Name, EvalSet Set)>();
        if (which is "eval" or "both") sets.Add(("evaluation set (understanding-eval.json)", EvalSet.Load("understanding-eval.json")));
        if (which is "holdout" or "both") sets.Add(("held-out set (understanding-holdout.json)", EvalSet.Load("understanding-holdout.json")));
        var failed = false;
        foreach (var (name, set) in sets)
        {
            var report = EvalReport.Run(set);
            Console.WriteLine($"\n## {name}: {set.Items.Count} messages\n");
            Console.WriteLine(report.Table());
            Console.WriteLine($"\nintent accuracy {report.IntentAccuracy:P1} (goal ≥ 95 %) · write slots exact {report.WriteSlotsExact:P1} (goal ≥ 90 %) · wrong writes {report.WrongWrites.Count} (goal 0)");
            if (report.Failures.Length > 0) Console.WriteLine("\nnot right:\n" + report.Failures);
            failed |= report.IntentAccuracy < 0.95 || report.WriteSlotsExact < 0.9 || report.WrongWrites.Count > 0;
        }
        Time(sets.SelectMany(s => s.Set.Items.Select(i => (i.Text, s.Set.Clock))).ToList(), rounds);
        return Task.FromResult(failed ? 1 : 0);
    }

    private static void Time(List<(string Text, DateTimeOffset Clock)> messages, int rounds)
    {
        var clock = new FakeTimeProvider(messages[0].Clock);
        for (var i = 0; i < 20; i++) foreach (var m in messages) MessageReader.Read(m.Text, clock); // warm-up (JIT, regex)
        var stats = new Stats("read one message (MessageReader.Read)");
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var collections = GC.CollectionCount(0);
        for (var r = 0; r < rounds; r++)
            foreach (var m in messages) stats.Measure(() => MessageReader.Read(m.Text, clock));
        var perMessage = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)stats.Count;
        Console.WriteLine($"\n{Stats.Header}\n{stats.Row("p99 < 1 ms")}");
        Console.WriteLine($"\nallocated {perMessage / 1024:F1} KB per message; {GC.CollectionCount(0) - collections} gen-0 collections in {stats.Count:N0} reads");
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}

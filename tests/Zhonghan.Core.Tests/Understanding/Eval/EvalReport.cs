using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Zhonghan.Core.Understanding;

namespace Zhonghan.Core.Tests.Understanding.Eval;

/// <summary>Figures for one intent: how many, intent right, slots right, and asked (of those that lacked a slot).</summary>
public sealed record IntentFigures(string Intent, int Count, int IntentRight, int SlotsRight, int Asked, int ShouldAsk);

/// <summary>The evaluation of a set: every outcome, and the figures the goals are stated in.</summary>
public sealed record EvalReport(IReadOnlyList<EvalOutcome> Outcomes)
{
    public static EvalReport Run(EvalSet set)
    {
        var clock = new FakeTimeProvider(set.Clock);
        return new EvalReport(set.Items.Select(i => EvalScore.Score(i, MessageReader.Read(i.Text, clock))).ToList());
    }

    public double IntentAccuracy => Ratio(Outcomes.Count(o => o.IntentRight), Outcomes.Count);
    public double SlotAccuracy => Ratio(Outcomes.Count(o => o.SlotsRight), Outcomes.Count);

    /// <summary>Of the messages meant as writes: the intent and every slot right.</summary>
    public double WriteSlotsExact
    {
        get
        {
            var writes = Outcomes.Where(o => Enum.Parse<Intent>(o.Item.Intent).IsWrite()).ToList();
            return Ratio(writes.Count(o => o.SlotsRight), writes.Count);
        }
    }

    public IReadOnlyList<EvalOutcome> WrongWrites => Outcomes.Where(o => o.WrongWrite).ToList();

    public IReadOnlyList<IntentFigures> ByIntent => Outcomes.GroupBy(o => o.Item.Intent)
        .Select(g => new IntentFigures(g.Key, g.Count(), g.Count(o => o.IntentRight), g.Count(o => o.SlotsRight),
            g.Count(o => o.Asked == true), g.Count(o => o.Asked is not null)))
        .OrderByDescending(f => f.Count).ThenBy(f => f.Intent, StringComparer.Ordinal).ToList();

    public string Failures => string.Join("\n", Outcomes.Where(o => !o.SlotsRight || o.WrongWrite).Select(o => (o.WrongWrite ? "WRONG WRITE " : "") + o));

    /// <summary>The markdown table of docs/BENCHMARKS.md.</summary>
    public string Table()
    {
        var lines = new List<string>
        {
            "| intent | n | intent right | slots right | asked instead of guessed |",
            "|---|---:|---:|---:|---:|",
        };
        foreach (var f in ByIntent)
            lines.Add($"| {f.Intent} | {f.Count} | {Pct(f.IntentRight, f.Count)} | {Pct(f.SlotsRight, f.Count)} | {(f.ShouldAsk == 0 ? "—" : $"{f.Asked}/{f.ShouldAsk}")} |");
        var asked = ByIntent.Sum(f => f.Asked);
        var should = ByIntent.Sum(f => f.ShouldAsk);
        lines.Add($"| **all** | {Outcomes.Count} | {IntentAccuracy:P1} | {SlotAccuracy:P1} | {asked}/{should} |");
        return string.Join("\n", lines);
    }

    private static string Pct(int k, int n) => n == 0 ? "—" : $"{(double)k / n:P0}";
    private static double Ratio(int k, int n) => n == 0 ? 1 : (double)k / n;
}

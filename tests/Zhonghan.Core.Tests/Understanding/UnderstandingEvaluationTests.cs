using Zhonghan.Core.Tests.Understanding.Eval;

namespace Zhonghan.Core.Tests.Understanding;

/// <summary>
/// The evaluation set (understanding-eval.json, written before the engine) read by the engine, against the goals of
/// issue 17: intent ≥ 0.95, every write's slots exact ≥ 0.9, no wrong write.
/// </summary>
public class UnderstandingEvaluationTests
{
    private static readonly EvalReport Report = EvalReport.Run(EvalSet.Load("understanding-eval.json"));

    [Fact]
    public void TheEvaluationSetHasAtLeast200MessagesIncludingTheIssues()
    {
        var set = EvalSet.Load("understanding-eval.json");
        Assert.True(set.Items.Count >= 200, $"{set.Items.Count} messages");
        Assert.True(set.Items.Count(i => i.Src == "issue") >= 15);
        Assert.Contains(set.Items, i => i.Text.Any(c => c > 0x4e00)); // Chinese
        Assert.Contains(set.Items, i => i.Text.All(c => c < 0x80));   // English
    }

    [Fact]
    public void IntentsAreRightForAtLeast95PercentOfMessages() =>
        Assert.True(Report.IntentAccuracy >= 0.95, $"intent accuracy {Report.IntentAccuracy:P1}\n{Report.Failures}");

    [Fact]
    public void EveryWritesSlotsAreExactForAtLeast90Percent() =>
        Assert.True(Report.WriteSlotsExact >= 0.9, $"write slots exact {Report.WriteSlotsExact:P1}\n{Report.Failures}");

    [Fact]
    public void NoMessageIsReadAsAWrongWrite() =>
        Assert.True(Report.WrongWrites.Count == 0, string.Join("\n", Report.WrongWrites));
}

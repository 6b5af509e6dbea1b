namespace Zhonghan.Core.Sales;

/// <summary>What is missing before an opportunity may enter a stage, in words the rep can act on.</summary>
public enum GateNeed { None, Parts, ApprovedQuote, ShippedSample, PassedTest }

public sealed record GateResult(Stage Stage, GateNeed Need, string Chinese, string English)
{
    public bool Open => Need == GateNeed.None;
}

/// <summary>
/// The stage gates (configurable, see <see cref="StageGateOptions"/>): 询报价 needs a part with a quantity, 申样 an
/// approved quote, 测试 a shipped sample, 发起订单 a passed test. Entering a later stage checks every gate on the way.
/// </summary>
public sealed class StageGates(ISalesStore store, SalesOptions options)
{
    public GateResult Check(Opportunity o, Stage target)
    {
        if (target is Stage.Lost or Stage.Won) return Ok(target);
        var from = Array.IndexOf(Stages.Pipeline, o.Stage);
        var to = Array.IndexOf(Stages.Pipeline, target);
        for (var i = Math.Max(1, from + 1); i <= to; i++)
        {
            var r = CheckOne(o, Stages.Pipeline[i]);
            if (!r.Open) return r;
        }
        return Ok(target);
    }

    /// <summary>What the next stage needs (for the opportunity card), or null at the end.</summary>
    public GateResult? Next(Opportunity o)
    {
        var i = Array.IndexOf(Stages.Pipeline, o.Stage);
        return i < 0 || i == Stages.Pipeline.Length - 1 ? null : CheckOne(o, Stages.Pipeline[i + 1]);
    }

    private GateResult CheckOne(Opportunity o, Stage stage)
    {
        var g = options.Gates;
        switch (stage)
        {
            case Stage.Quote when g.QuoteNeedsParts && !o.Parts.Any(p => p.AnnualQuantity > 0):
                return new(stage, GateNeed.Parts, "进入询报价需要至少一个物料及年用量。", "The quote stage needs at least one part with an annual quantity.");
            case Stage.Sample when g.SampleNeedsApprovedQuote && !HasApprovedQuote(o.Id):
                return new(stage, GateNeed.ApprovedQuote, "申样需要一份审批通过的报价。", "Samples need an approved quote.");
            case Stage.Testing when g.TestingNeedsShippedSample && !HasShippedSample(o.Id):
                return new(stage, GateNeed.ShippedSample, "进入测试需要先寄出样品。", "Testing needs a shipped sample.");
            case Stage.Order when g.OrderNeedsPassedTest && !o.Tests.Any(t => t.Passed):
                return new(stage, GateNeed.PassedTest, "发起订单需要客户测试通过。", "An order needs a passed customer test.");
            default:
                return Ok(stage);
        }
    }

    public bool HasApprovedQuote(int opportunityId) =>
        store.QuotesOf(opportunityId).Any(q => q.Status == QuoteStatus.Approved);

    public bool HasShippedSample(int opportunityId) =>
        store.SamplesOf(opportunityId)
            .Any(s => s.Status is SampleStatus.Shipped or SampleStatus.Received);

    private static GateResult Ok(Stage s) => new(s, GateNeed.None, "", "");
}

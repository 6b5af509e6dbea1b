using LiteDB;
using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Sales;

public sealed record FunnelRow(Stage Stage, int Count, decimal Amount, int Reached, double? ConversionToNext);

/// <summary>
/// 漏斗: open opportunities per stage (count and amount) and, over all opportunities, the share that went on from each
/// stage to the next (from the stage history), for a department, one rep, or the company.
/// </summary>
public sealed class FunnelService(SalesDb db)
{
    /// <summary>
    /// Reads only the fields the funnel needs (stage, amounts, the stages reached) instead of whole documents: a
    /// department holds thousands of opportunities with their parts and histories.
    /// </summary>
    public IReadOnlyList<FunnelRow> ForDepartment(int departmentId) =>
        Build(db.Opportunities.Query().Where(Q.Eq(nameof(Opportunity.DepartmentId), departmentId))
            .Select(BsonExpression.Create("{ s: $.Stage, e: $.ExpectedAmount, p: $.Parts, h: $.History[*].To }"))
            .ToEnumerable().Select(Slim));

    private static Opportunity Slim(BsonDocument d) => new()
    {
        Stage = Enum.Parse<Stage>(d["s"].AsString),
        ExpectedAmount = d["e"].IsNull ? null : d["e"].AsDecimal,
        Parts = d["p"].AsArray.Select(x => new OpportunityPart
        {
            AnnualQuantity = x["AnnualQuantity"].AsInt64, TargetPrice = x["TargetPrice"].IsNull ? null : x["TargetPrice"].AsDecimal,
        }).ToList(),
        History = d["h"].AsArray.Select(x => new StageChange { To = Enum.Parse<Stage>(x.AsString) }).ToList(),
    };

    public IReadOnlyList<FunnelRow> ForOwner(int ownerId) =>
        Build(db.Opportunities.Find(Q.Between(nameof(Opportunity.OwnerKey), $"{ownerId:D9}|", $"{ownerId:D9}|9")));

    public IReadOnlyList<FunnelRow> ForCompany() => Build(db.Opportunities.FindAll());

    public static IReadOnlyList<FunnelRow> Build(IEnumerable<Opportunity> opportunities)
    {
        var stages = Stages.Pipeline;
        var count = new int[stages.Length];
        var amount = new decimal[stages.Length];
        var reached = new int[stages.Length];
        var won = 0;
        foreach (var o in opportunities)
        {
            var furthest = Furthest(o);
            for (var i = 0; i <= furthest; i++) reached[i]++;
            if (o.Stage == Stage.Won) won++;
            var at = Array.IndexOf(stages, o.Stage);
            if (at < 0) continue;
            count[at]++;
            amount[at] += o.ExpectedAmount ?? o.PartsAmount;
        }
        var rows = new List<FunnelRow>();
        for (var i = 0; i < stages.Length; i++)
        {
            var next = i + 1 < stages.Length ? reached[i + 1] : won;
            rows.Add(new FunnelRow(stages[i], count[i], amount[i], reached[i], reached[i] == 0 ? null : (double)next / reached[i]));
        }
        return rows;
    }

    /// <summary>The furthest pipeline stage the opportunity ever reached (Won counts as the order stage).</summary>
    private static int Furthest(Opportunity o)
    {
        var max = Math.Max(0, Array.IndexOf(Stages.Pipeline, o.Stage));
        if (o.Stage == Stage.Won) max = Stages.Pipeline.Length - 1;
        foreach (var h in o.History)
            max = Math.Max(max, h.To == Stage.Won ? Stages.Pipeline.Length - 1 : Array.IndexOf(Stages.Pipeline, h.To));
        return max;
    }
}

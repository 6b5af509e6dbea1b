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
    /// <summary>A covered query over the funnel index: no document is read (see <see cref="Opportunity.FunnelKey"/>).</summary>
    public IReadOnlyList<FunnelRow> ForDepartment(int departmentId) =>
        Build(db.Opportunities.Query()
            .Where(Q.Between(nameof(Opportunity.FunnelKey), $"{departmentId:D9}|", $"{departmentId:D9}|~"))
            .Select(x => x.FunnelKey).ToEnumerable().Select(Entry));

    public IReadOnlyList<FunnelRow> ForOwner(int ownerId) =>
        Build(db.Opportunities.Find(Q.Between(nameof(Opportunity.OwnerKey), $"{ownerId:D9}|", $"{ownerId:D9}|9")).Select(Entry));

    public IReadOnlyList<FunnelRow> ForCompany() => Build(db.Opportunities.FindAll().Select(Entry));

    public static IReadOnlyList<FunnelRow> Build(IEnumerable<Opportunity> opportunities) => Build(opportunities.Select(Entry));

    /// <summary>What the funnel needs of one opportunity: its stage, the furthest stage it reached, its amount.</summary>
    public readonly record struct FunnelEntry(Stage Stage, int Furthest, decimal Amount);

    private static FunnelEntry Entry(Opportunity o) => new(o.Stage, Furthest(o), o.ExpectedAmount ?? o.PartsAmount);

    private static FunnelEntry Entry(string key)
    {
        var p = key.Split('|');
        return new((Stage)int.Parse(p[1]), int.Parse(p[2]), decimal.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    public static IReadOnlyList<FunnelRow> Build(IEnumerable<FunnelEntry> entries)
    {
        var stages = Stages.Pipeline;
        var count = new int[stages.Length];
        var amount = new decimal[stages.Length];
        var reached = new int[stages.Length];
        var won = 0;
        foreach (var e in entries)
        {
            for (var i = 0; i <= e.Furthest; i++) reached[i]++;
            if (e.Stage == Stage.Won) won++;
            var at = Array.IndexOf(stages, e.Stage);
            if (at < 0) continue;
            count[at]++;
            amount[at] += e.Amount;
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
    public static int Furthest(Opportunity o)
    {
        var max = Math.Max(0, Array.IndexOf(Stages.Pipeline, o.Stage));
        if (o.Stage == Stage.Won) max = Stages.Pipeline.Length - 1;
        foreach (var h in o.History)
            max = Math.Max(max, h.To == Stage.Won ? Stages.Pipeline.Length - 1 : Array.IndexOf(Stages.Pipeline, h.To));
        return max;
    }
}

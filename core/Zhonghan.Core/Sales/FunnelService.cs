namespace Zhonghan.Core.Sales;

public sealed record FunnelRow(Stage Stage, int Count, decimal Amount, int Reached, double? ConversionToNext);

/// <summary>
/// 漏斗: open opportunities per stage (count and amount) and, over all opportunities, the share that went on from each
/// stage to the next (from the furthest stage each reached), for a department, one rep, or the company. The store
/// keeps the counts up to date with every change, so this reads a few dozen small records, never the opportunities.
/// </summary>
public sealed class FunnelService(ISalesStore store)
{
    public IReadOnlyList<FunnelRow> ForDepartment(int departmentId) => Build(store.FunnelOfDepartment(departmentId));

    public IReadOnlyList<FunnelRow> ForOwner(int ownerId) => Build(store.FunnelOfOwner(ownerId));

    public IReadOnlyList<FunnelRow> ForCompany() => Build(store.FunnelOfCompany());

    public static IReadOnlyList<FunnelRow> Build(IEnumerable<Opportunity> opportunities) =>
        Build(opportunities.Select(o => new FunnelCell(o.Stage, Furthest(o), 1, o.ExpectedAmount ?? o.PartsAmount)));

    public static IReadOnlyList<FunnelRow> Build(IEnumerable<FunnelCell> cells)
    {
        var stages = Stages.Pipeline;
        var count = new int[stages.Length];
        var amount = new decimal[stages.Length];
        var reached = new int[stages.Length];
        var won = 0;
        foreach (var e in cells)
        {
            if (e.Count == 0) continue;
            for (var i = 0; i <= e.Furthest && i < stages.Length; i++) reached[i] += e.Count;
            if (e.Stage == Stage.Won) won += e.Count;
            var at = Array.IndexOf(stages, e.Stage);
            if (at < 0) continue;
            count[at] += e.Count;
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

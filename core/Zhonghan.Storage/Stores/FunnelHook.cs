using Zhonghan.Core.Sales;
using Zhonghan.Storage.Documents;
using Zhonghan.Storage.Schema;
using static Zhonghan.Storage.Documents.Keys;

namespace Zhonghan.Storage.Stores;

/// <summary>
/// Keeps the funnel counts in step with the opportunities, in the unit that changes them: for each opportunity the
/// unit writes, its old cell (as committed) loses it and its new cell gains it, for its department and its owner.
/// 漏斗 then reads a few dozen small records instead of every opportunity.
/// </summary>
internal sealed class FunnelHook(Documents.Documents docs) : ICommitHook
{
    private static readonly DocSet<Opportunity> O = SalesSets.Opportunities;
    private static readonly DocSet<FunnelCount> F = SalesSets.Funnel;

    public static string DepartmentScope(int id) => "d" + Int(id);
    public static string OwnerScope(int id) => "o" + Int(id);

    void ICommitHook.BeforeCommit(Session unit)
    {
        foreach (var (id, doc) in unit.Pending(O))
        {
            var before = docs.Engine.Get(O, id)?.Doc as Opportunity;
            var after = doc as Opportunity;
            if (before is not null && after is not null && Cells(before).SequenceEqual(Cells(after)) && Amount(before) == Amount(after)) continue;
            if (before is not null) Add(before, -1);
            if (after is not null) Add(after, +1);
        }
    }

    private void Add(Opportunity o, int sign)
    {
        foreach (var id in Cells(o))
        {
            var cell = docs.Get(F, id);
            if (cell is null)
            {
                var parts = id.Split(Separator);
                cell = new FunnelCount { Id = id, Scope = parts[0], Stage = o.Stage, Furthest = FunnelService.Furthest(o) };
                Apply(cell, o, sign);
                docs.Insert(F, cell);
            }
            else
            {
                Apply(cell, o, sign);
                docs.Update(F, cell);
            }
        }
    }

    private static void Apply(FunnelCount cell, Opportunity o, int sign)
    {
        cell.Count += sign;
        cell.Amount += sign * Amount(o);
    }

    private static IEnumerable<string> Cells(Opportunity o)
    {
        var tail = Join(((int)o.Stage).ToString(System.Globalization.CultureInfo.InvariantCulture), FunnelService.Furthest(o).ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return Join(DepartmentScope(o.DepartmentId), tail);
        yield return Join(OwnerScope(o.OwnerId), tail);
    }

    private static decimal Amount(Opportunity o) => o.ExpectedAmount ?? o.PartsAmount;

    /// <summary>Counts every opportunity afresh (a store that has opportunities but no counts yet, e.g. after an upgrade).</summary>
    public static int Rebuild(IDocumentEngine engine)
    {
        var cells = new Dictionary<string, FunnelCount>();
        foreach (var stored in engine.All(O))
        {
            var o = (Opportunity)stored.Doc;
            foreach (var id in Cells(o))
            {
                if (!cells.TryGetValue(id, out var cell))
                    cells[id] = cell = new FunnelCount { Id = id, Scope = id.Split(Separator)[0], Stage = o.Stage, Furthest = FunnelService.Furthest(o) };
                Apply(cell, o, +1);
            }
        }
        engine.BulkInsert(F, cells.Values);
        return cells.Count;
    }
}

using Zhonghan.Core.Customers;
using Zhonghan.Core.People;

namespace Zhonghan.Core.Sales;

/// <summary>
/// Finds an opportunity the user may see: "#12", the project name (exact or prefix), or a customer name (its
/// opportunities, open ones preferred). Every step goes through an index.
/// </summary>
public sealed class OpportunityFinder(ISalesStore store, CustomerFinder customers)
{
    public (Opportunity? Match, IReadOnlyList<Opportunity> Candidates) Find(User user, string text)
    {
        text = text.Trim().Trim('"', '“', '”', '「', '」');
        if (text.Length == 0) return (null, []);
        if (text[0] == '#' && int.TryParse(text.AsSpan(1), out var id))
        {
            var byId = store.Opportunity(id);
            return byId is not null && SalesAccess.CanSee(user, byId) ? (byId, []) : (null, []);
        }
        var key = CompanyName.Fold(text);
        if (key.Length == 0) return (null, []);
        var byName = Visible(user, store.OpportunitiesNamed(key, 100));
        if (byName.Count == 0) byName = Visible(user, store.OpportunitiesNameStartsWith(key, 100));
        if (byName.Count == 0)
        {
            // A word inside the project name, among the user's own (or assigned) opportunities: a few hundred at most.
            var own = store.OpportunitiesOwnedBy(user.Id, 5_000).Concat(store.OpportunitiesAssistedBy(user.Id, 5_000));
            byName = Visible(user, own.Where(o => o.NameKey.Contains(key, StringComparison.Ordinal)).DistinctBy(o => o.Id));
        }
        if (byName.Count == 0)
        {
            var customer = customers.Find(user, text);
            var cs = customer.Match is { } c ? [c] : customer.Candidates;
            byName = Visible(user, cs.SelectMany(c => store.OpportunitiesOf(c.Id)));
        }
        var open = byName.Where(o => o.Stage.IsOpen()).ToList();
        var pick = open.Count > 0 ? open : byName;
        return pick.Count == 1 ? (pick[0], []) : (null, pick.Take(9).ToList());
    }

    private static List<Opportunity> Visible(User user, IEnumerable<Opportunity> list) =>
        list.Where(o => SalesAccess.CanSee(user, o)).Take(50).ToList();
}

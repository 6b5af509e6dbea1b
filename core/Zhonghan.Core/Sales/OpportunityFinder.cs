using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Sales;

/// <summary>
/// Finds an opportunity the user may see: "#12", the project name (exact or prefix), or a customer name (its
/// opportunities, open ones preferred). Every step goes through an index.
/// </summary>
public sealed class OpportunityFinder(SalesDb db, CustomerFinder customers)
{
    public (Opportunity? Match, IReadOnlyList<Opportunity> Candidates) Find(User user, string text)
    {
        text = text.Trim().Trim('"', '“', '”', '「', '」');
        if (text.Length == 0) return (null, []);
        if (text[0] == '#' && int.TryParse(text.AsSpan(1), out var id))
        {
            var byId = db.Opportunities.FindById(id);
            return byId is not null && SalesAccess.CanSee(user, byId) ? (byId, []) : (null, []);
        }
        var key = CompanyName.Fold(text);
        if (key.Length == 0) return (null, []);
        var byName = Visible(user, db.Opportunities.Find(Q.Eq(nameof(Opportunity.NameKey), key)));
        if (byName.Count == 0) byName = Visible(user, db.Opportunities.Find(Q.StartsWith(nameof(Opportunity.NameKey), key), limit: 100));
        if (byName.Count == 0)
        {
            // A word inside the project name, among the user's own (or assigned) opportunities: a few hundred at most.
            var own = db.Opportunities.Find(Q.Between(nameof(Opportunity.OwnerKey), $"{user.Id:D9}|", $"{user.Id:D9}|9"))
                .Concat(db.Opportunities.Find(Q.Eq(nameof(Opportunity.AssistantId), user.Id)));
            byName = Visible(user, own.Where(o => o.NameKey.Contains(key, StringComparison.Ordinal)).DistinctBy(o => o.Id));
        }
        if (byName.Count == 0)
        {
            var customer = customers.Find(user, text);
            var cs = customer.Match is { } c ? [c] : customer.Candidates;
            byName = Visible(user, cs.SelectMany(c => db.Opportunities.Find(Q.Eq(nameof(Opportunity.CustomerId), c.Id))));
        }
        var open = byName.Where(o => o.Stage.IsOpen()).ToList();
        var pick = open.Count > 0 ? open : byName;
        return pick.Count == 1 ? (pick[0], []) : (null, pick.Take(9).ToList());
    }

    private static List<Opportunity> Visible(User user, IEnumerable<Opportunity> list) =>
        list.Where(o => SalesAccess.CanSee(user, o)).Take(50).ToList();
}

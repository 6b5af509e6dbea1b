using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Core.Customers;

/// <summary>The outcome of looking a customer up by what the user typed.</summary>
public sealed class FindResult
{
    public Customer? Match { get; init; }
    public IReadOnlyList<Customer> Candidates { get; init; } = [];
    public bool IsAmbiguous => Match is null && Candidates.Count > 1;
    public bool NotFound => Match is null && Candidates.Count == 0;
}

/// <summary>
/// Finds a customer the user may see from a full or partial name: "#12" (id), the exact normalized name, the
/// name without region, then a prefix of either (汇川 → 深圳市汇川技术股份有限公司), then a substring of the user's
/// own customers. Everything goes through an index; invisible customers are never revealed.
/// </summary>
public sealed class CustomerFinder(ICustomerStore store)
{
    private const int MaxCandidates = 9;

    public FindResult Find(User user, string text)
    {
        text = text.Trim().Trim('"', '“', '”', '「', '」', '《', '》');
        if (text.Length == 0) return new FindResult();
        if (text[0] == '#' && int.TryParse(text.AsSpan(1), out var id))
        {
            var byId = store.Get(id);
            return byId is not null && Access.CanSee(user, byId) ? new FindResult { Match = byId } : new FindResult();
        }

        var key = CompanyName.Key(text);
        if (key.Length == 0) return new FindResult();
        var core = CompanyName.StripRegion(key);

        var exact = Visible(user, store.WithNameKey(key, 50));
        if (exact.Count == 1) return new FindResult { Match = exact[0] };
        if (exact.Count == 0 && core.Length >= 2)
        {
            exact = Visible(user, store.WithCoreKey(core, 50));
            if (exact.Count == 1) return new FindResult { Match = exact[0] };
        }
        if (exact.Count > 1) return new FindResult { Candidates = exact };

        var folded = CompanyName.Fold(text);
        var found = new Dictionary<int, Customer>();
        foreach (var c in Visible(user, store.NameKeyStartsWith(folded, 200)))
            found.TryAdd(c.Id, c);
        var foldedCore = CompanyName.StripRegion(folded); // 深圳汇川 → 汇川
        foreach (var c in Visible(user, store.CoreKeyStartsWith(foldedCore, 200)))
            found.TryAdd(c.Id, c);
        if (found.Count == 0 && folded.Length >= 2)
        {
            // Substring within the user's own customers (a few hundred at most, read through the owner index).
            var own = store.OwnedBy(user.Id, 0, 5_000);
            foreach (var c in own.Where(c => c.NameKey.Contains(folded, StringComparison.Ordinal)))
                found.TryAdd(c.Id, c);
        }
        var list = found.Values.OrderBy(c => c.Company.Length).ThenBy(c => c.Id).Take(MaxCandidates).ToList();
        return list.Count == 1 ? new FindResult { Match = list[0] } : new FindResult { Candidates = list };
    }

    private static List<Customer> Visible(User user, IEnumerable<Customer> customers) =>
        customers.Where(c => Access.CanSee(user, c)).Take(MaxCandidates).ToList();
}

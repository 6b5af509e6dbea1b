using Zhonghan.Core.Customers;
using Zhonghan.Storage.Documents;
using static Zhonghan.Storage.Documents.Keys;
using S = Zhonghan.Storage.Schema.CrmSets;

namespace Zhonghan.Storage.Stores;

internal sealed class CustomerStore(Documents.Documents docs) : ICustomerStore
{
    private static readonly DocSet<Customer> C = S.Customers;
    private static readonly DocSet<FollowUp> F = S.FollowUps;

    public Customer? Get(int id) => docs.Get(C, id);

    public IReadOnlyList<Customer> WithNameKey(string nameKey, int limit) => docs.Where(C, C["Name"], nameKey, limit);

    public IReadOnlyList<Customer> WithCoreKey(string coreKey, int limit) => docs.Where(C, C["Core"], coreKey, limit);

    public IReadOnlyList<Customer> NameKeyStartsWith(string prefix, int limit) => docs.Range(C, C["Name"], KeyRange.StartsWith(prefix), 0, limit);

    public IReadOnlyList<Customer> CoreKeyStartsWith(string prefix, int limit) => docs.Range(C, C["Core"], KeyRange.StartsWith(prefix), 0, limit);

    public IReadOnlyList<Customer> WithPhone(string normalizedPhone, int limit) => docs.Where(C, C["Phone"], normalizedPhone, limit);

    public IReadOnlyList<Customer> MatchingAny(IReadOnlyCollection<string> nameKeys, IReadOnlyCollection<string> coreKeys, IReadOnlyCollection<string> phones) =>
        [.. docs.WithKeys(C, C["Name"], nameKeys), .. docs.WithKeys(C, C["Core"], coreKeys), .. docs.WithKeys(C, C["Phone"], phones)];

    public IReadOnlyList<Customer> OwnedBy(int ownerId, int skip, int limit) => docs.Range(C, C["OwnerDue"], Prefix(Int(ownerId)), skip, limit);

    public long CountOwnedBy(int ownerId) => docs.Count(C, C["OwnerDue"], Prefix(Int(ownerId)));

    public IReadOnlyList<Customer> OwnedDueBy(int ownerId, DateTime untilUtc, int limit) =>
        docs.Range(C, C["OwnerDue"], new KeyRange(Join(Int(ownerId), ""), Join(Int(ownerId), Time(untilUtc))), 0, limit);

    public IReadOnlyList<Customer> NextFollowUpBetween(DateTime fromUtc, DateTime toUtc, int limit) =>
        docs.Range(C, C["Due"], HalfOpen(fromUtc, toUtc), 0, limit);

    public IReadOnlyList<Customer> LastTouchedBetween(DateTime fromUtc, DateTime toUtc, int limit) =>
        docs.Range(C, C["Touched"], new KeyRange(Time(fromUtc), Time(toUtc)), 0, limit);

    public IReadOnlyList<Customer> InPool(int skip, int limit) => docs.Range(C, C["Pool"], Everything.Reversed(), skip, limit);

    public long CountInPool() => docs.Count(C, C["Pool"], Everything);

    public IReadOnlyList<Customer> CreatedBetween(DateTime fromUtc, DateTime toUtc, int limit) =>
        docs.Range(C, C["Created"], HalfOpen(fromUtc, toUtc), 0, limit);

    public void Add(Customer customer) => docs.Insert(C, customer);

    public void Save(Customer customer) => docs.Update(C, customer);

    public void AddFollowUp(FollowUp followUp) => docs.Insert(F, followUp);

    public IReadOnlyList<FollowUp> Timeline(int customerId, int limit, DateTime? beforeUtc = null)
    {
        var all = Prefix(Int(customerId));
        var range = beforeUtc is DateTime b ? all with { High = Join(Int(customerId), Time(b.AddTicks(-1))) } : all;
        return docs.Range(F, F["Timeline"], range.Reversed(), 0, limit);
    }

    public IReadOnlyList<FollowUp> FollowUpsLoggedBetween(DateTime fromUtc, DateTime toUtc, int limit) =>
        docs.Range(F, F["At"], HalfOpen(fromUtc, toUtc), 0, limit);

    public IReadOnlyList<FollowUp> FollowUpsPlannedBetween(DateTime fromUtc, DateTime toUtc, int limit) =>
        docs.Range(F, F["NextDue"], HalfOpen(fromUtc, toUtc), 0, limit);

    public ExternalContact? External(string id) => docs.Get(S.ExternalContacts, id);

    public void SaveExternal(ExternalContact contact) => docs.Upsert(S.ExternalContacts, contact);

    public IReadOnlyList<ExternalContact> ExternalsOf(int customerId) =>
        docs.Where(S.ExternalContacts, S.ExternalContacts["Customer"], Int(customerId));

    private static readonly KeyRange Everything = new("", Last);

    /// <summary>Times in [from, to).</summary>
    internal static KeyRange HalfOpen(DateTime fromUtc, DateTime toUtc) => new(Time(fromUtc), Time(toUtc.AddTicks(-1)));
}

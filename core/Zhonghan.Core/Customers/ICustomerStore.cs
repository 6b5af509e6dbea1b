namespace Zhonghan.Core.Customers;

/// <summary>Customers with their contacts and follow-ups, and the outside contacts tied to them.</summary>
public interface ICustomerStore
{
    Customer? Get(int id);

    /// <summary>Customers with this normalized name (see <see cref="CompanyName.Key"/>).</summary>
    IReadOnlyList<Customer> WithNameKey(string nameKey, int limit);

    /// <summary>Customers with this name key without region (see <see cref="CompanyName.CoreKey"/>).</summary>
    IReadOnlyList<Customer> WithCoreKey(string coreKey, int limit);

    IReadOnlyList<Customer> NameKeyStartsWith(string prefix, int limit);

    IReadOnlyList<Customer> CoreKeyStartsWith(string prefix, int limit);

    /// <summary>A customer one of whose contacts has this normalized phone.</summary>
    IReadOnlyList<Customer> WithPhone(string normalizedPhone, int limit);

    /// <summary>Customers matching any of the name keys, core keys or phones (an import's duplicate check, many rows at once).</summary>
    IReadOnlyList<Customer> MatchingAny(IReadOnlyCollection<string> nameKeys, IReadOnlyCollection<string> coreKeys, IReadOnlyCollection<string> phones);

    /// <summary>A user's own customers by next follow-up (those without one last).</summary>
    IReadOnlyList<Customer> OwnedBy(int ownerId, int skip, int limit);

    long CountOwnedBy(int ownerId);

    /// <summary>A user's customers whose next follow-up is due at or before <paramref name="untilUtc"/>, earliest first.</summary>
    IReadOnlyList<Customer> OwnedDueBy(int ownerId, DateTime untilUtc, int limit);

    /// <summary>Owned customers whose next follow-up falls in [from, to) — the reminder scan.</summary>
    IReadOnlyList<Customer> NextFollowUpBetween(DateTime fromUtc, DateTime toUtc, int limit);

    /// <summary>Owned customers whose last touch falls in [from, to] — the pool clock.</summary>
    IReadOnlyList<Customer> LastTouchedBetween(DateTime fromUtc, DateTime toUtc, int limit);

    /// <summary>The pool, newest first.</summary>
    IReadOnlyList<Customer> InPool(int skip, int limit);

    long CountInPool();

    /// <summary>Customers created in [from, to).</summary>
    IReadOnlyList<Customer> CreatedBetween(DateTime fromUtc, DateTime toUtc, int limit);

    void Add(Customer customer);

    void Save(Customer customer);

    void AddFollowUp(FollowUp followUp);

    /// <summary>A customer's follow-ups, newest first, before <paramref name="beforeUtc"/> when given.</summary>
    IReadOnlyList<FollowUp> Timeline(int customerId, int limit, DateTime? beforeUtc = null);

    /// <summary>Follow-ups logged in [from, to).</summary>
    IReadOnlyList<FollowUp> FollowUpsLoggedBetween(DateTime fromUtc, DateTime toUtc, int limit);

    /// <summary>Follow-ups whose planned next date falls in [from, to).</summary>
    IReadOnlyList<FollowUp> FollowUpsPlannedBetween(DateTime fromUtc, DateTime toUtc, int limit);

    ExternalContact? External(string id);

    void SaveExternal(ExternalContact contact);

    IReadOnlyList<ExternalContact> ExternalsOf(int customerId);
}

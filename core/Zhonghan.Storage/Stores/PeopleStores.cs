using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;
using Zhonghan.Storage.Documents;
using static Zhonghan.Storage.Documents.Keys;
using S = Zhonghan.Storage.Schema.CrmSets;

namespace Zhonghan.Storage.Stores;

internal sealed class UserStore(Documents.Documents docs) : IUserStore
{
    public IReadOnlyList<User> AllUsers() => docs.All(S.Users).ToList();

    public IReadOnlyList<Department> AllDepartments() => docs.All(S.Departments).ToList();

    public User? ByLocalName(string localName) => docs.Where(S.Users, S.Users["LocalName"], localName.ToLowerInvariant()).FirstOrDefault();

    public void Add(User user) => docs.Insert(S.Users, user);

    public void Save(User user) => docs.Update(S.Users, user);

    public void AddDepartment(Department department) => docs.Insert(S.Departments, department);

    public void SaveDepartment(Department department) => docs.Update(S.Departments, department);

    public string Stamp() => docs.Engine.ChangeStamp(S.Users) + "/" + docs.Engine.ChangeStamp(S.Departments);
}

internal sealed class AuditStore(Documents.Documents docs) : IAuditStore
{
    public void Add(AuditEntry entry) => docs.Insert(S.Audit, entry);

    public IReadOnlyList<AuditEntry> About(string entityKey, int limit) =>
        docs.Range(S.Audit, S.Audit["Entity"], Prefix(entityKey).Reversed(), 0, limit);
}

internal sealed class CounterStore(Documents.Documents docs) : ICounterStore
{
    public Counter? Get(string id) => docs.Get(S.Counters, id);

    /// <summary>A counter read in this unit is guarded by its version; a new one is inserted (two units racing to create it conflict).</summary>
    public void Save(Counter counter)
    {
        if (docs.Get(S.Counters, counter.Id) is null) docs.Insert(S.Counters, counter);
        else docs.Update(S.Counters, counter);
    }
}

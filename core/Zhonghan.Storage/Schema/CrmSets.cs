using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;
using Zhonghan.Storage.Documents;
using static Zhonghan.Storage.Documents.Keys;

namespace Zhonghan.Storage.Schema;

/// <summary>Customers, follow-ups, people, audit and counters: collections and the index behind every query.</summary>
public static class CrmSets
{
    public static readonly DocSet<Customer> Customers = new("customers", IdKind.Int32, c => c.Id, (c, id) => c.Id = (int)id,
        // duplicate check and name lookups (exact, prefix)
        IndexDef<Customer>.On("Name", c => c.NameKey),
        IndexDef<Customer>.On("Core", c => c.CoreKey.Length == 0 ? null : c.CoreKey),
        IndexDef<Customer>.OnEach("Phone", c => c.Phones),
        // 我的线索 / 今日待办 / the private limit: a rep's customers by next follow-up, none last
        IndexDef<Customer>.On("OwnerDue", c => c.OwnerId is int o ? Join(Int(o), Time(c.NextFollowUpAt)) : null),
        // the reminder scan: owned customers by next follow-up
        IndexDef<Customer>.On("Due", c => c.OwnerId is not null && c.NextFollowUpAt is DateTime d ? Time(d) : null),
        // the pool clock (automatic return and its warning)
        IndexDef<Customer>.On("Touched", c => c.OwnerId is not null && c.LastTouchAt is DateTime t ? Time(t) : null),
        // 公海, newest first
        IndexDef<Customer>.On("Pool", c => c.Status == CustomerStatus.PublicPool && c.PoolSince is DateTime p ? Time(p) : null),
        // new leads per day (digests)
        IndexDef<Customer>.On("Created", c => Time(c.CreatedAt)));

    public static readonly DocSet<FollowUp> FollowUps = new("followups", IdKind.Int32, f => f.Id, (f, id) => f.Id = (int)id,
        // a customer's timeline, newest first
        IndexDef<FollowUp>.On("Timeline", f => Join(Int(f.CustomerId), Time(f.At))),
        // what was logged / planned in a period (digests)
        IndexDef<FollowUp>.On("At", f => Time(f.At)),
        IndexDef<FollowUp>.On("NextDue", f => f.NextDueAt is DateTime d ? Time(d) : null));

    public static readonly DocSet<ExternalContact> ExternalContacts = new("external_contacts", IdKind.String, x => x.Id, null,
        IndexDef<ExternalContact>.On("Customer", x => x.CustomerId is int c ? Int(c) : null));

    public static readonly DocSet<User> Users = new("users", IdKind.Int32, u => u.Id, (u, id) => u.Id = (int)id,
        IndexDef<User>.On("LocalName", u => u.LocalName.ToLowerInvariant(), unique: true));

    public static readonly DocSet<Department> Departments = new("departments", IdKind.Int32, d => d.Id, (d, id) => d.Id = (int)id);

    public static readonly DocSet<AuditEntry> Audit = new("audit", IdKind.Int64, a => a.Id, (a, id) => a.Id = id,
        IndexDef<AuditEntry>.On("Entity", a => a.EntityKey is { } k ? Join(k, Int(a.Id)) : null));

    public static readonly DocSet<Counter> Counters = new("counters", IdKind.String, c => c.Id, null);

    public static IEnumerable<DocSet> All =>
        [Customers, FollowUps, ExternalContacts, Users, Departments, Audit, Counters];
}

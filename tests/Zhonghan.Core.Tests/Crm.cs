using Microsoft.Extensions.Time.Testing;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Pool;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Tests;

/// <summary>
/// The CRM core on an in-memory LiteDB stream with a fake clock and a small company: two departments,
/// reps Alice and Bob (east), Carol (south), managers Mike (east) and Nina (south), an assistant, a buyer, an admin.
/// </summary>
public sealed class Crm : IDisposable
{
    private readonly MemoryStream stream = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 1, 30, 0, TimeSpan.Zero)); // Mon 09:30 Shanghai
    public PoolRules Rules { get; }
    public CrmDb Db { get; }
    public AuditLog Audit { get; }
    public UserDirectory Users { get; }
    public CustomerService Customers { get; }
    public PoolService Pool { get; }
    public CustomerFinder Finder { get; }

    public User Alice { get; }
    public User Bob { get; }
    public User Carol { get; }
    public User Mike { get; }
    public User Nina { get; }
    public User Wang { get; }
    public User Zhao { get; }
    public User Admin { get; }

    public Crm(PoolRules? rules = null)
    {
        Rules = rules ?? new PoolRules();
        Db = CrmDb.OpenStream(stream);
        Audit = new AuditLog(Db, Clock);
        Users = new UserDirectory(Db, Audit);
        var east = Users.AddDepartment("华东销售部");
        var south = Users.AddDepartment("华南销售部");
        var system = Actor.System(new User { Name = "system" });
        User Add(string local, string name, Role role, Department d) =>
            Users.Save(system, new User { LocalName = local, Name = name, Role = role, DepartmentId = d.Id, WeComUserId = local });
        Alice = Add("alice", "爱丽丝", Role.Rep, east);
        Bob = Add("bob", "鲍勃", Role.Rep, east);
        Carol = Add("carol", "卡罗尔", Role.Rep, south);
        Mike = Add("mike", "迈克", Role.Manager, east);
        Nina = Add("nina", "妮娜", Role.Manager, south);
        Wang = Add("wang", "王五", Role.InquiryAssistant, east);
        Zhao = Add("zhao", "赵六", Role.Purchasing, east);
        Admin = Add("admin", "管理员", Role.Admin, east);
        Customers = new CustomerService(Db, Audit, Rules, Clock);
        Pool = new PoolService(Db, Audit, Rules, Customers, Users, Clock);
        Finder = new CustomerFinder(Db);
    }

    public delegate User UserPick(Crm crm);

    public Actor As(User user) => new() { User = user, Channel = "test", MessageId = Guid.NewGuid().ToString("N") };

    public Customer Lead(User owner, string company, string? phone = null, string? contact = null) =>
        Customers.CreateLead(As(owner), new LeadInput { Company = company, Phone = phone, ContactName = contact }).Created
        ?? throw new InvalidOperationException($"{company} was a duplicate");

    public void Dispose()
    {
        Db.Dispose();
        stream.Dispose();
    }
}

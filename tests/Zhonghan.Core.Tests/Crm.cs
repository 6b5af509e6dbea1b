using Microsoft.Extensions.Time.Testing;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Pool;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;
using Zhonghan.Storage;
using Zhonghan.Storage.LiteDb;

namespace Zhonghan.Core.Tests;

/// <summary>
/// The CRM core on an in-memory LiteDB stream with a fake clock and a small company: two departments,
/// reps Alice and Bob (east), Carol (south), managers Mike (east) and Nina (south), an assistant, a buyer, an admin.
/// </summary>
public sealed class Crm : IDisposable
{
    private readonly MemoryStream stream;
    private readonly bool ownsStream;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 1, 30, 0, TimeSpan.Zero)); // Mon 09:30 Shanghai
    public PoolRules Rules { get; }
    public DocumentStore Store { get; }
    public IUnitOfWorkFactory Units => Store.Units;
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

    /// <param name="stream">A stream to keep the database on (the caller disposes it; to reopen the same data).</param>
    public Crm(PoolRules? rules = null, MemoryStream? stream = null)
    {
        ownsStream = stream is null;
        this.stream = stream ?? new MemoryStream();
        Rules = rules ?? new PoolRules();
        Store = new DocumentStore(LiteDbEngine.OpenStream(this.stream));
        Audit = new AuditLog(Store.Audit, Clock);
        Users = new UserDirectory(Store.Users, Audit, Store.Units);
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
        Customers = new CustomerService(Store.Customers, Users, Audit, Rules, KindWords.Instance, Clock);
        Pool = new PoolService(Store.Customers, Store.Counters, Audit, Rules, Customers, Users, Clock);
        Finder = new CustomerFinder(Store.Customers);
    }

    public delegate User UserPick(Crm crm);

    public Actor As(User user) => new() { User = user, Channel = "test", MessageId = Guid.NewGuid().ToString("N") };

    public Customer Lead(User owner, string company, string? phone = null, string? contact = null) =>
        Customers.CreateLead(As(owner), new LeadInput { Company = company, Phone = phone, ContactName = contact }).Created
        ?? throw new InvalidOperationException($"{company} was a duplicate");

    /// <summary>How many customers are stored (committed).</summary>
    public int CustomerCount => Store.Engine.All(Zhonghan.Storage.Schema.CrmSets.Customers).Count();

    public void Dispose()
    {
        Store.Dispose();
        if (ownsStream) stream.Dispose();
    }
}

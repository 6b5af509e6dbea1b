using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Pool;
using Zhonghan.Core.Security;
using Zhonghan.Core.Time;
using Zhonghan.Storage;
using Zhonghan.Storage.LiteDb;

namespace Zhonghan.Core.Tests;

public class StoreTests
{
    [Fact]
    public void DataSurvivesClosingAndReopeningTheFile()
    {
        var dir = Path.Combine(Path.GetTempPath(), "zhonghan-store-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            int customerId;
            using (OpenFolder(dir, out var clock, out var customers, out var users))
            {
                var rep = users.Save(Actor.System(new User()), new User { LocalName = "alice", Name = "爱丽丝", Role = Role.Rep });
                var c = customers.CreateLead(new Actor { User = rep }, new LeadInput { Company = "持久电子有限公司", ContactName = "王工", Phone = "13800138000" }).Created!;
                DateExpression.TryParse("明天", clock, out var next);
                customers.LogFollowUp(new Actor { User = rep }, c.Id, "拜访王工", null, next);
                customerId = c.Id;
            }
            using (OpenFolder(dir, out _, out var customers, out var users))
            {
                var c = customers.Get(customerId)!;
                Assert.Equal("持久电子有限公司", c.Company);
                Assert.Equal("王工", c.Contacts.Single().Name);
                Assert.Equal(["13800138000"], c.Phones);
                Assert.NotNull(c.NextFollowUpAt);
                Assert.Equal(DateTimeKind.Utc, c.NextFollowUpAt!.Value.Kind);
                Assert.Equal("拜访王工", customers.Timeline(customerId).Single().Note);
                Assert.Equal("爱丽丝", users.ByLocalName("alice")!.Name);
                Assert.True(customers.FindDuplicate("持久电子", null).Customer is not null);
                Assert.Equal([c.Id], customers.Mine(users.ByLocalName("alice")!, 1, 10).Items.Select(x => x.Id));
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void MyLeadsListCustomersByNextFollowUpWithUnplannedOnesLast()
    {
        using var crm = new Crm();
        var a = crm.Lead(crm.Alice, "甲电子有限公司");
        var b = crm.Lead(crm.Alice, "乙电子有限公司");
        var c = crm.Lead(crm.Alice, "丙电子有限公司");
        DateExpression.TryParse("下周三", crm.Clock, out var later);
        DateExpression.TryParse("明天", crm.Clock, out var sooner);
        crm.Customers.Reschedule(crm.As(crm.Alice), c.Id, later);
        crm.Customers.Reschedule(crm.As(crm.Alice), b.Id, sooner);
        var (items, total) = crm.Customers.Mine(crm.Alice, 1, 10);
        Assert.Equal([b.Id, c.Id, a.Id], items.Select(x => x.Id));
        Assert.Equal(3, total);
        Assert.Equal([a.Id], crm.Customers.Mine(crm.Alice, 2, 2).Items.Select(x => x.Id));
    }

    private static DocumentStore OpenFolder(string dir, out Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, out CustomerService customers, out UserDirectory users)
    {
        clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 30, 0, TimeSpan.Zero));
        var store = new DocumentStore(LiteDbEngine.OpenFolder(dir));
        var audit = new AuditLog(store.Audit, clock);
        users = new UserDirectory(store.Users, audit, store.Units);
        customers = new CustomerService(store.Customers, users, audit, new PoolRules(), KindWords.Instance, clock);
        return store;
    }
}

using LiteDB;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Pool;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;
using Zhonghan.Core.Time;

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
            using (var crm = OpenFolder(dir, out var clock, out var customers, out var users))
            {
                var rep = users.Save(Actor.System(new User()), new User { LocalName = "alice", Name = "爱丽丝", Role = Role.Rep });
                var c = customers.CreateLead(new Actor { User = rep }, new LeadInput { Company = "持久电子有限公司", ContactName = "王工", Phone = "13800138000" }).Created!;
                DateExpression.TryParse("明天", clock, out var next);
                customers.LogFollowUp(new Actor { User = rep }, c.Id, "拜访王工", null, next);
                customerId = c.Id;
            }
            using (var crm = OpenFolder(dir, out _, out var customers, out var users))
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
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("NameKey", "$.NameKey = 'x'")]
    [InlineData("CoreKey", "$.CoreKey = 'x'")]
    [InlineData("Phones", "$.Phones[*] ANY = '13800138000'")]
    [InlineData("OwnerDue", "$.OwnerDue BETWEEN '000000001|' AND '000000001|9'")]
    [InlineData("NextFollowUpAt", "$.NextFollowUpAt BETWEEN DATETIME(2026,1,1) AND DATETIME(2026,2,1)")]
    [InlineData("LastTouchAt", "$.LastTouchAt BETWEEN DATETIME(2026,1,1) AND DATETIME(2026,2,1)")]
    [InlineData("PoolSince", "$.PoolSince > DATETIME(2026,1,1)")]
    public void PerMessageCustomerQueriesUseAnIndex(string index, string where)
    {
        using var stream = new MemoryStream();
        using var db = CrmDb.OpenStream(stream);
        var plan = db.Customers.Query().Where(where).GetPlan();
        Assert.Equal(index, plan["index"]["name"].AsString);
        Assert.DoesNotContain("FULL INDEX SCAN", plan["index"]["expr"].AsString);
    }

    [Fact]
    public void TheTimelineAndDuplicatePhoneLookupsAreIndexSeeks()
    {
        using var stream = new MemoryStream();
        using var db = CrmDb.OpenStream(stream);
        Assert.Equal("CustomerAt", db.FollowUps.Query().Where(Q.Between("CustomerAt", "000000001|", "000000001|9")).GetPlan()["index"]["name"].AsString);
        Assert.Equal("Phones", db.Customers.Query().Where(CustomerService.PhoneQuery("13800138000")).GetPlan()["index"]["name"].AsString);
    }

    private static CrmDb OpenFolder(string dir, out Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, out CustomerService customers, out UserDirectory users)
    {
        clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 30, 0, TimeSpan.Zero));
        var db = CrmDb.OpenFolder(dir);
        var audit = new AuditLog(db, clock);
        users = new UserDirectory(db, audit);
        customers = new CustomerService(db, audit, new PoolRules(), clock);
        return db;
    }
}

public class FolderLockTests
{
    [Fact]
    public void ASecondOpenOfTheSameDataFolderIsRefusedClearly()
    {
        var dir = Path.Combine(Path.GetTempPath(), "zhonghan-lock-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (CrmDb.OpenFolder(dir))
            {
                var e = Assert.Throws<IOException>(() => CrmDb.OpenFolder(dir));
                Assert.Contains("正被另一个众韩机器人进程使用", e.Message);
            }
            using (CrmDb.OpenFolder(dir)) { } // released on dispose
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}

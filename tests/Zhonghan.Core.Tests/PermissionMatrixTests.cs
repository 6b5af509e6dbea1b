using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Core.Tests;

public class PermissionMatrixTests
{
    // Customer owned by Alice (rep, east), one in the pool, one owned by Carol (rep, south).
    public static TheoryData<string, string, bool, bool> Matrix => new()
    {
        // viewer, customer, can see, can change
        { "alice", "alice's", true, true },
        { "bob", "alice's", false, false },
        { "carol", "alice's", false, false },
        { "mike", "alice's", true, true },
        { "nina", "alice's", false, false },
        { "wang", "alice's", true, false },
        { "zhao", "alice's", false, false },
        { "admin", "alice's", true, true },
        { "alice", "pool", true, false },
        { "carol", "pool", true, false },
        { "zhao", "pool", true, false },
        { "alice", "carol's", false, false },
        { "mike", "carol's", false, false },
        { "nina", "carol's", true, true },
        { "admin", "carol's", true, true },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void WhoSeesAndChangesWhat(string viewer, string which, bool canSee, bool canChange)
    {
        using var crm = new Crm();
        var (user, customer) = Setup(crm, viewer, which);
        Assert.Equal(canSee, Access.CanSee(user, customer));
        Assert.Equal(canChange, Access.CanChange(user, customer));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void ServicesEnforceTheMatrixAndRefusalsRevealNothing(string viewer, string which, bool canSee, bool canChange)
    {
        using var crm = new Crm();
        var (user, customer) = Setup(crm, viewer, which);
        var found = crm.Finder.Find(user, customer.Company);
        Assert.Equal(canSee, found.Match?.Id == customer.Id);

        if (canChange)
        {
            crm.Customers.LogFollowUp(crm.As(user), customer.Id, "电话沟通", null, null);
            return;
        }
        var e = Assert.ThrowsAny<CrmException>(() => crm.Customers.LogFollowUp(crm.As(user), customer.Id, "电话沟通", null, null));
        Assert.DoesNotContain(customer.Company, canSee ? "" : e.Message);
        Assert.DoesNotContain("卡罗尔", e.Message);
        Assert.DoesNotContain("爱丽丝", e.Message);
        Assert.Empty(crm.Customers.Timeline(customer.Id));
    }

    [Fact]
    public void EveryChangeIsAuditedWithWhoWhenChannelAndMessage()
    {
        using var crm = new Crm();
        var actor = crm.As(crm.Alice);
        var c = crm.Customers.CreateLead(actor, new LeadInput { Company = "审计电子有限公司" }).Created!;
        var follow = new Actor { User = crm.Alice, Channel = "wecom", MessageId = "msg-42" };
        crm.Customers.LogFollowUp(follow, c.Id, "拜访", null, null);

        var entries = crm.Audit.For($"customer:{c.Id}");
        Assert.Equal(["lead.create", "followup.add"], entries.Select(a => a.Action));
        Assert.All(entries, a => Assert.Equal(crm.Alice.Id, a.UserId));
        Assert.Equal("wecom", entries[1].Channel);
        Assert.Equal("msg-42", entries[1].MessageId);
        Assert.Equal(crm.Clock.GetUtcNow().UtcDateTime, entries[1].At, TimeSpan.FromSeconds(1));
    }

    private static (User, Customer) Setup(Crm crm, string viewer, string which)
    {
        var alices = crm.Lead(crm.Alice, "爱丽丝的客户有限公司");
        var carols = crm.Lead(crm.Carol, "卡罗尔的客户有限公司");
        var pooled = crm.Lead(crm.Bob, "公海的客户有限公司");
        crm.Pool.Return(crm.As(crm.Bob), pooled.Id, "测试退回");
        var customer = which switch { "alice's" => alices, "carol's" => carols, _ => crm.Customers.Get(pooled.Id)! };
        return (crm.Users.ByLocalName(viewer)!, customer);
    }
}

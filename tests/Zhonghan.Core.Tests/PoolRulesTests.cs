using Zhonghan.Core.Customers;
using Zhonghan.Core.Pool;

namespace Zhonghan.Core.Tests;

public class PoolRulesTests
{
    [Fact]
    public void ReturningNeedsAReasonAndPutsTheCustomerInThePool()
    {
        using var crm = new Crm();
        var c = crm.Lead(crm.Alice, "苏州绿控传动科技股份有限公司");
        var e = Assert.Throws<CrmException>(() => crm.Pool.Return(crm.As(crm.Alice), c.Id, " "));
        Assert.Contains("原因", e.Message);

        var back = crm.Pool.Return(crm.As(crm.Alice), c.Id, "暂无需求");
        Assert.Equal(CustomerStatus.PublicPool, back.Status);
        Assert.Null(back.OwnerId);
        Assert.Equal(crm.Alice.Id, back.PreviousOwnerId);
        Assert.Equal("暂无需求", back.PoolReason);
        Assert.Contains(crm.Pool.List(1, 10).Items, x => x.Id == c.Id);
        Assert.Empty(crm.Customers.Mine(crm.Alice, 1, 10).Items);
    }

    [Fact]
    public void AnotherRepClaimsFromThePoolAndTheCustomerMovesToTheirDepartment()
    {
        using var crm = new Crm();
        var c = crm.Lead(crm.Alice, "青岛特锐德电气股份有限公司");
        crm.Pool.Return(crm.As(crm.Alice), c.Id, "联系不上");

        var claimed = crm.Pool.Claim(crm.As(crm.Carol), c.Id);

        Assert.Equal(crm.Carol.Id, claimed.OwnerId);
        Assert.Equal(crm.Carol.DepartmentId, claimed.DepartmentId);
        Assert.Equal(CustomerStatus.Lead, claimed.Status);
        Assert.Null(claimed.PoolSince);
        Assert.ThrowsAny<CrmException>(() => crm.Pool.Claim(crm.As(crm.Bob), c.Id));
    }

    [Fact]
    public void ThePreviousOwnerWaitsForTheCooldownBeforeClaimingAgain()
    {
        using var crm = new Crm(new PoolRules { ReclaimCooldownDays = 30 });
        var c = crm.Lead(crm.Alice, "西安西电电力系统有限公司");
        crm.Pool.Return(crm.As(crm.Alice), c.Id, "暂无需求");

        crm.Clock.Advance(TimeSpan.FromDays(29));
        var e = Assert.Throws<CrmException>(() => crm.Pool.Claim(crm.As(crm.Alice), c.Id));
        Assert.Contains("30 天内不能再领取", e.Message);

        crm.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(crm.Alice.Id, crm.Pool.Claim(crm.As(crm.Alice), c.Id).OwnerId);
    }

    [Fact]
    public void ARepClaimsAtMostTheDailyLimitAndMayClaimAgainTheNextBusinessDay()
    {
        using var crm = new Crm(new PoolRules { DailyClaimLimit = 2 });
        var ids = Enumerable.Range(1, 3).Select(i =>
        {
            var c = crm.Lead(crm.Bob, $"测试电子{i}有限公司");
            crm.Pool.Return(crm.As(crm.Bob), c.Id, "测试退回");
            return c.Id;
        }).ToList();

        crm.Pool.Claim(crm.As(crm.Alice), ids[0]);
        crm.Pool.Claim(crm.As(crm.Alice), ids[1]);
        var e = Assert.Throws<CrmException>(() => crm.Pool.Claim(crm.As(crm.Alice), ids[2]));
        Assert.Contains("每日上限 2", e.Message);

        // 09:30 Monday → 00:10 Tuesday in Shanghai: a new business day.
        crm.Clock.Advance(TimeSpan.FromHours(14) + TimeSpan.FromMinutes(40));
        Assert.Equal(crm.Alice.Id, crm.Pool.Claim(crm.As(crm.Alice), ids[2]).OwnerId);
    }

    [Fact]
    public void ARepAtThePrivateLimitCanNeitherCreateNorClaim()
    {
        using var crm = new Crm(new PoolRules { MaxPrivatePerRep = 2 });
        crm.Lead(crm.Alice, "甲电子有限公司");
        crm.Lead(crm.Alice, "乙电子有限公司");
        var pooled = crm.Lead(crm.Bob, "丙电子有限公司");
        crm.Pool.Return(crm.As(crm.Bob), pooled.Id, "测试退回");

        var create = Assert.Throws<CrmException>(() => crm.Customers.CreateLead(crm.As(crm.Alice), new LeadInput { Company = "丁电子有限公司" }));
        Assert.Contains("上限 2", create.Message);
        var claim = Assert.Throws<CrmException>(() => crm.Pool.Claim(crm.As(crm.Alice), pooled.Id));
        Assert.Contains("上限 2", claim.Message);
        // Managers are not limited.
        Assert.Equal(crm.Mike.Id, crm.Pool.Claim(crm.As(crm.Mike), pooled.Id).OwnerId);
    }

    [Fact]
    public void CustomersWithoutFollowUpReturnAutomaticallyAfterNDaysWithAWarningMDaysBefore()
    {
        using var crm = new Crm(new PoolRules { AutoReturnDays = 30, WarningDaysBefore = 3 });
        var quiet = crm.Lead(crm.Alice, "安静电子有限公司");
        var busy = crm.Lead(crm.Alice, "忙碌电子有限公司");

        crm.Clock.Advance(TimeSpan.FromDays(26));
        Assert.Empty(crm.Pool.DueForWarning());
        crm.Customers.LogFollowUp(crm.As(crm.Alice), busy.Id, "电话沟通", null, null);

        crm.Clock.Advance(TimeSpan.FromDays(1)); // day 27: three days before day 30
        var warn = crm.Pool.DueForWarning();
        Assert.Equal([quiet.Id], warn.Select(c => c.Id));
        crm.Pool.MarkWarned(warn[0]);
        Assert.Empty(crm.Pool.DueForWarning()); // warned once
        Assert.Empty(crm.Pool.DueForAutoReturn());

        crm.Clock.Advance(TimeSpan.FromDays(3)); // day 30
        var returned = crm.Pool.RunAutoReturn(Security.Actor.System(crm.Admin));
        Assert.Equal([quiet.Id], returned.Select(c => c.Id));
        var after = crm.Customers.Get(quiet.Id)!;
        Assert.Equal(CustomerStatus.PublicPool, after.Status);
        Assert.Contains("30 天未跟进", after.PoolReason);
        Assert.Equal(crm.Alice.Id, crm.Customers.Get(busy.Id)!.OwnerId);
        Assert.Contains(crm.Audit.For($"customer:{quiet.Id}"), a => a.Action == "pool.auto-return");
    }

    [Fact]
    public void AutoReturnCanBeSwitchedOff()
    {
        using var crm = new Crm(new PoolRules { AutoReturnDays = 0 });
        crm.Lead(crm.Alice, "安静电子有限公司");
        crm.Clock.Advance(TimeSpan.FromDays(400));
        Assert.Empty(crm.Pool.DueForAutoReturn());
        Assert.Empty(crm.Pool.DueForWarning());
    }

    [Fact]
    public void AManagerReassignsWithinTheDepartmentOnly()
    {
        using var crm = new Crm();
        var c = crm.Lead(crm.Alice, "常州星宇车灯股份有限公司");
        Assert.Equal(crm.Bob.Id, crm.Pool.Assign(crm.As(crm.Mike), c.Id, crm.Bob.Id).OwnerId);
        Assert.Throws<AccessDeniedException>(() => crm.Pool.Assign(crm.As(crm.Mike), c.Id, crm.Carol.Id));
        Assert.Throws<AccessDeniedException>(() => crm.Pool.Assign(crm.As(crm.Alice), c.Id, crm.Alice.Id));
        Assert.ThrowsAny<CrmException>(() => crm.Pool.Assign(crm.As(crm.Nina), c.Id, crm.Carol.Id));
    }
}

using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;

namespace Zhonghan.Core.Tests;

public class ApprovalRoutingTests
{
    [Theory]
    [InlineData(10_000, 1, false, Importance.C, null, "")]
    [InlineData(49_999.99, 4, false, Importance.B, null, "")]
    [InlineData(50_000, 1, false, Importance.C, "中额", "Manager")]
    [InlineData(10_000, 1, false, Importance.A, "A类客户", "Manager")]
    [InlineData(10_000, 5, false, Importance.C, "复杂报价", "Manager")]
    [InlineData(10_000, 1, true, Importance.C, "特殊物料", "Manager")]
    [InlineData(499_999, 1, false, Importance.A, "中额", "Manager")]
    [InlineData(500_000, 1, false, Importance.C, "大额", "Manager,GeneralManager")]
    [InlineData(2_000_000, 9, true, Importance.A, "大额", "Manager,GeneralManager")]
    public void TheRouteFollowsAmountComplexityAndImportance(double amount, int lines, bool special, Importance importance, string? rule, string roles)
    {
        using var s = new Sales();
        var match = s.Routing.Match((decimal)amount, lines, special, importance);
        Assert.Equal(rule, match?.Name);
        Assert.Equal(roles, string.Join(",", match?.Approvers ?? []));
    }

    [Fact]
    public void StepsNameTheDepartmentsManagersAndFallBackForTheGeneralManager()
    {
        using var s = new Sales();
        var steps = s.Routing.Steps(s.Routing.Match(600_000, 1, false, Importance.C), s.Crm.Alice.DepartmentId);
        Assert.Equal([s.Crm.Mike.Id], steps[0].ApproverIds);
        Assert.Equal([s.Crm.Admin.Id], steps[1].ApproverIds); // no general manager in the test company
    }

    [Fact]
    public void RulesComeFromSettingsWhenGiven()
    {
        using var s = new Sales(new SalesOptions
        {
            ApprovalRules = [new() { Name = "全部审批", MinAmount = 0, Approvers = [Role.GeneralManager] }],
        });
        Assert.Equal("全部审批", s.Routing.Match(1, 1, false, Importance.C)!.Name);
    }

    [Fact]
    public async Task AQuoteNeedsEveryPartPricedAndAVersionSupersedesTheLast()
    {
        using var s = new Sales();
        var o = s.Opportunity();
        s.Opportunities.AddPart(s.Alice, o.Id, new OpportunityPart { Mpn = "STM32F103C8T6", AnnualQuantity = 100 });
        var e = Assert.Throws<CrmException>(() => s.Approvals.Assemble(s.Alice, o.Id));
        Assert.Contains("还没有价格：STM32F103C8T6", e.Message);
        s.Quotes.SetPrice(s.Crm.As(s.Crm.Zhao), "stm32f103c8t6", 8.5m, "6周", 2500);
        var v1 = s.Approvals.Assemble(s.Alice, o.Id);
        Assert.Equal(QuoteStatus.Approved, v1.Status); // ¥850, a C customer: no approval
        Assert.Equal(850m, v1.Amount);
        var v2 = s.Approvals.Assemble(s.Alice, o.Id);
        Assert.Equal(2, v2.Version);
        Assert.Equal(QuoteStatus.Superseded, s.Quotes.Get(v1.Id)!.Status);
    }

    [Fact]
    public async Task OnlyTheStepsApproverDecidesAndARejectionStopsTheRoute()
    {
        using var s = new Sales();
        var o = s.Opportunity();
        s.Opportunities.AddPart(s.Alice, o.Id, new OpportunityPart { Mpn = "STM32F103C8T6", AnnualQuantity = 100_000 });
        s.Quotes.SetPrice(s.Crm.As(s.Crm.Zhao), "STM32F103C8T6", 8m, null, null);
        var q = s.Approvals.Assemble(s.Alice, o.Id);
        Assert.Equal(QuoteStatus.PendingApproval, q.Status);
        Assert.Throws<AccessDeniedException>(() => s.Approvals.Decide(s.Crm.As(s.Crm.Nina), q.Id, true, null));
        Assert.Throws<AccessDeniedException>(() => s.Approvals.Decide(s.Crm.As(s.Crm.Admin), q.Id, true, null));
        q = s.Approvals.Decide(s.Crm.As(s.Crm.Mike), q.Id, true, null);
        Assert.Equal(QuoteStatus.PendingApproval, q.Status);
        Assert.Throws<CrmException>(() => s.Approvals.Decide(s.Crm.As(s.Crm.Admin), q.Id, false, " "));
        q = s.Approvals.Decide(s.Crm.As(s.Crm.Admin), q.Id, false, "毛利太低");
        Assert.Equal(QuoteStatus.Rejected, q.Status);
        Assert.Throws<CrmException>(() => s.Approvals.Decide(s.Crm.As(s.Crm.Admin), q.Id, true, null));
        Assert.Contains(s.Crm.Audit.For($"quote:{q.Id}"), a => a.Action == "quote.reject" && a.Summary.Contains("毛利太低"));
    }
}

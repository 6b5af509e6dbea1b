using Zhonghan.Core.Customers;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Tests;

public class FollowUpTests
{
    [Fact]
    public void AFollowUpWithANextDateMovesThePlanAndTheTimelineIsNewestFirst()
    {
        using var crm = new Crm();
        var c = crm.Lead(crm.Alice, "南京南瑞继保电气有限公司");
        crm.Customers.LogFollowUp(crm.As(crm.Alice), c.Id, "加好友", null, null);
        crm.Clock.Advance(TimeSpan.FromHours(2));
        DateExpression.TryParse("下周三", crm.Clock, out var next);
        var logged = crm.Customers.LogFollowUp(crm.As(crm.Alice), c.Id, "拜访吴工，聊了新项目", null, next);

        Assert.Equal(FollowUpKind.Visit, logged.FollowUp.Kind);
        var after = crm.Customers.Get(c.Id)!;
        Assert.Equal(after.NextFollowUpAt, logged.Customer.NextFollowUpAt);
        Assert.Equal(next.Utc, after.NextFollowUpAt);
        Assert.True(after.NextFollowUpDateOnly);
        Assert.Equal(crm.Clock.GetUtcNow().UtcDateTime, after.LastFollowUpAt!.Value, TimeSpan.FromMilliseconds(5));
        Assert.Equal(["拜访吴工，聊了新项目", "加好友"], crm.Customers.Timeline(c.Id).Select(x => x.Note));
    }

    [Fact]
    public void AFollowUpWithoutADateClearsAPlanThatWasDueButKeepsAFutureOne()
    {
        using var crm = new Crm();
        var c = crm.Lead(crm.Alice, "合肥阳光电源股份有限公司");
        DateExpression.TryParse("今天", crm.Clock, out var today);
        crm.Customers.Reschedule(crm.As(crm.Alice), c.Id, today);
        crm.Customers.LogFollowUp(crm.As(crm.Alice), c.Id, "电话沟通", null, null);
        Assert.Null(crm.Customers.Get(c.Id)!.NextFollowUpAt);

        DateExpression.TryParse("下周五", crm.Clock, out var later);
        crm.Customers.Reschedule(crm.As(crm.Alice), c.Id, later);
        crm.Customers.LogFollowUp(crm.As(crm.Alice), c.Id, "微信发资料", null, null);
        Assert.Equal(later.Utc, crm.Customers.Get(c.Id)!.NextFollowUpAt);
    }

    [Fact]
    public void APastNextDateIsRefused()
    {
        using var crm = new Crm();
        var c = crm.Lead(crm.Alice, "合肥阳光电源股份有限公司");
        DateExpression.TryParse("昨天", crm.Clock, out var yesterday);
        var e = Assert.Throws<CrmException>(() => crm.Customers.LogFollowUp(crm.As(crm.Alice), c.Id, "拜访", null, yesterday));
        Assert.Contains("已经过去", e.Message);
        Assert.Empty(crm.Customers.Timeline(c.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AnEmptyNoteIsRefused(string note)
    {
        using var crm = new Crm();
        var c = crm.Lead(crm.Alice, "合肥阳光电源股份有限公司");
        Assert.Throws<CrmException>(() => crm.Customers.LogFollowUp(crm.As(crm.Alice), c.Id, note, null, null));
    }

    [Fact]
    public void DueListsTheRepsCustomersUpToTheMomentGivenOldestFirst()
    {
        using var crm = new Crm();
        var a = crm.Lead(crm.Alice, "甲电子有限公司");
        var b = crm.Lead(crm.Alice, "乙电子有限公司");
        var c = crm.Lead(crm.Alice, "丙电子有限公司");
        var other = crm.Lead(crm.Bob, "丁电子有限公司");
        void Plan(Customer x, string when, Crm.UserPick who)
        {
            DateExpression.TryParse(when, crm.Clock, out var d);
            crm.Customers.Reschedule(crm.As(who(crm)), x.Id, d);
        }
        Plan(a, "今天", x => x.Alice);
        Plan(b, "明天", x => x.Alice);
        Plan(other, "今天", x => x.Bob);
        crm.Clock.Advance(TimeSpan.FromDays(1)); // a is now overdue, b due today, c has no plan

        var endOfToday = BusinessTime.StartOfDayUtc(BusinessTime.Today(crm.Clock).AddDays(1));
        Assert.Equal([a.Id, b.Id], crm.Customers.DueFor(crm.Alice, endOfToday).Select(x => x.Id));
        Assert.Equal([a.Id, b.Id, c.Id], crm.Customers.Mine(crm.Alice, 1, 10).Items.Select(x => x.Id));
        Assert.Equal(3, crm.Customers.Mine(crm.Alice, 1, 10).Total);
    }

    [Fact]
    public void ACustomersOwnQuestionIsOnTheTimelineButDoesNotMoveThePlanOrThePoolClock()
    {
        using var crm = new Crm();
        var c = crm.Lead(crm.Alice, "合肥阳光电源股份有限公司");
        DateExpression.TryParse("今天", crm.Clock, out var today);
        crm.Customers.Reschedule(crm.As(crm.Alice), c.Id, today);
        crm.Clock.Advance(TimeSpan.FromDays(2));
        var before = crm.Customers.Get(c.Id)!;
        crm.Customers.LogInbound(crm.As(crm.Alice), c.Id, "客服咨询：TPS54331 有现货吗", FollowUpKind.WeChat);
        var after = crm.Customers.Get(c.Id)!;
        Assert.Equal(before.LastTouchAt, after.LastTouchAt);
        Assert.Equal(before.NextFollowUpAt, after.NextFollowUpAt);
        Assert.Null(after.LastFollowUpAt);
        Assert.Equal("客服咨询：TPS54331 有现货吗", crm.Customers.Timeline(c.Id).Single().Note);
    }
}

using Zhonghan.Bot.Reminders;
using Zhonghan.Core.People;
using Zhonghan.Core.Reminders;
using Zhonghan.Core.Sales;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

public class DigestAndNoticeTests : IAsyncLifetime
{
    private ChatHarness bot = null!;

    public async Task InitializeAsync() => bot = await ChatHarness.StartAsync();
    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task TheDailyDigestCountsYesterdaysWorkPerRep()
    {
        // Monday 09:30: plan two follow-ups for today, do one, open an opportunity and move it.
        await bot.SendAsync("zhangsan", "新建线索 昆山龙腾光电股份有限公司");
        await bot.SendAsync("zhangsan", "跟进 汇川 电话 下次 今天 15:00");
        await bot.SendAsync("zhangsan", "跟进 南瑞 拜访 下次 今天 16:00");
        await bot.SendAsync("zhangsan", "新建商机 汇川 伺服驱动器");
        await bot.SendAsync("zhangsan", "添加物料 伺服 STM32F103C8T6 1000 5");
        await bot.SendAsync("zhangsan", "推进 伺服 询报价");
        bot.Clock.SetUtcNow(TestClock.Shanghai(2026, 11, 30, 17, 0));
        await bot.SendAsync("zhangsan", "跟进 汇川 电话确认了用量");
        bot.Clock.SetUtcNow(TestClock.Shanghai(2026, 12, 1, 8, 40));

        var east = bot.Get<UserDirectory>().DepartmentByName("华东销售部")!;
        var report = bot.Get<DigestService>().Build(east, weekly: false);
        var zhangsan = report.Reps.Single(r => r.Rep.LocalName == "zhangsan");
        Assert.Equal(2, zhangsan.Planned);
        Assert.Equal(1, zhangsan.Completed);
        Assert.Equal(3, zhangsan.Logged);
        Assert.Equal(1, zhangsan.NewOpportunities);
        Assert.Equal(1, report.NewLeads);
        Assert.Single(report.StageMovements, m => m.Contains("伺服驱动器」需求挖掘 → 询报价（张三）"));
        var text = report.ToText();
        Assert.Contains("**华东销售部日报 · 2026-11-30（周一）**", text);
        Assert.Contains("跟进计划完成情况：1/2（50%）", text);
        Assert.Contains("> 张三：计划 2，完成 1，跟进 3，新商机 1", text);
        Assert.Contains("逾期未跟进：", text);
        Assert.Equal(1, report.Funnel.Single(f => f.Stage == Stage.Quote).Count);
    }

    [Fact]
    public async Task DigestsGoToManagersAt0830OnceAndTheWeeklyOneOnMonday()
    {
        await using var bot = await ChatHarness.StartAsync(clock: TestClock.Create(TestClock.Shanghai(2026, 11, 30, 8, 0)));
        bot.Clock.SetUtcNow(TestClock.Shanghai(2026, 11, 30, 8, 29));
        var digests = bot.Get<DigestScheduler>();
        Assert.Equal(0, await digests.RunDueAsync(CancellationToken.None));
        bot.Clock.SetUtcNow(TestClock.Shanghai(2026, 11, 30, 8, 30));
        Assert.Equal(4, await digests.RunDueAsync(CancellationToken.None)); // two departments × daily + weekly (Monday)
        Assert.Equal(0, await digests.RunDueAsync(CancellationToken.None));
        var lisi = bot.Inbox("lisi");
        Assert.Contains(lisi, r => r.Text.StartsWith("**华东销售部日报"));
        Assert.Contains(lisi, r => r.Text.StartsWith("**华东销售部周报 · 11-23 至 11-29**"));
        Assert.Contains(bot.Get<Zhonghan.Bot.LocalChat.LocalOutbox>().Peek("admin"), i => i.Reply.Text.StartsWith("**华南销售部日报") && i.Images.Count == 2);
        bot.Clock.SetUtcNow(TestClock.Shanghai(2026, 12, 1, 9, 0));
        Assert.Equal(2, await digests.RunDueAsync(CancellationToken.None)); // Tuesday: daily only
    }

    [Fact]
    public async Task DigestsCanBeAskedForAndComeWithCharts()
    {
        Assert.Contains("已生成", await bot.SendAsync("lisi", "日报"));
        var outbox = bot.Get<Zhonghan.Bot.LocalChat.LocalOutbox>().Take("lisi");
        Assert.StartsWith("**华东销售部日报", outbox.Single().Reply.Text);
        Assert.Equal(2, outbox.Single().Images.Count);
        Assert.Contains("你的角色不能使用“日报”", await bot.SendAsync("zhangsan", "日报"));
    }

    [Fact]
    public async Task PoolWarningsAndTheNightlyReturnTellTheOwners()
    {
        // Demo customers were last touched days ago; 30 days on, some are 3 days from the limit, then past it.
        var notices = bot.Get<ProactiveNotices>();
        bot.Clock.SetUtcNow(TestClock.Shanghai(2026, 12, 25, 1, 0));
        var (warned, returned) = await notices.PoolNightlyAsync(CancellationToken.None);
        Assert.True(warned > 0);
        Assert.Contains(bot.Inbox("zhangsan"), r => r.Text.Contains("天内将自动退回公海"));
        Assert.Equal(0, (await notices.PoolNightlyAsync(CancellationToken.None)).Warned); // warned once
        bot.Clock.SetUtcNow(TestClock.Shanghai(2027, 1, 5, 1, 0));
        (_, returned) = await notices.PoolNightlyAsync(CancellationToken.None);
        Assert.True(returned > 0);
        Assert.Contains(bot.Inbox("zhangsan"), r => r.Text.Contains("已自动退回公海"));
        Assert.Contains("公海（共", await bot.SendAsync("zhangsan", "公海"));
    }

    [Fact]
    public async Task AnApprovalWaitingTooLongRemindsTheApproverOnce()
    {
        await bot.SendAsync("zhangsan", "新建商机 汇川 伺服驱动器");
        await bot.SendAsync("zhangsan", "添加物料 伺服 STM32F103C8T6 100");
        await bot.SendAsync("zhangsan", "询价 伺服");
        await bot.SendAsync("zhaoliu", "定价 STM32F103C8T6 8");
        await bot.SendAsync("wangwu", "报价 伺服"); // an A customer: the manager approves
        bot.Inbox("lisi");
        var notices = bot.Get<ProactiveNotices>();
        bot.Clock.Advance(TimeSpan.FromHours(3));
        await notices.ApprovalRemindersAsync(CancellationToken.None);
        Assert.Empty(bot.Inbox("lisi"));
        bot.Clock.Advance(TimeSpan.FromHours(2));
        await notices.ApprovalRemindersAsync(CancellationToken.None);
        Assert.Contains("报价 Q1 等你审批已超过 4 小时", bot.Inbox("lisi").Single().Text);
        await notices.ApprovalRemindersAsync(CancellationToken.None);
        Assert.Empty(bot.Inbox("lisi"));
    }
}

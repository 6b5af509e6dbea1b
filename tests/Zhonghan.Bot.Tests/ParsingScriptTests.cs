using Zhonghan.Core.People;
using Zhonghan.Core.Sales;
using Zhonghan.Core.Time;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>
/// Issue 16's "Dates" and "Parsing that loses data": scripted conversations on Tuesday 2026-12-08 10:30 Shanghai,
/// demo data (张三 owns 杭州海康威视 and 浙江正泰电器).
/// </summary>
public class ParsingScriptTests : IAsyncLifetime
{
    private ChatHarness bot = null!;

    public async Task InitializeAsync() => bot = await ChatHarness.StartAsync(clock: TestClock.Create(TestClock.Shanghai(2026, 12, 8, 10, 30)));
    public async Task DisposeAsync() => await bot.DisposeAsync();

    private Task<string> Say(string text, string user = "zhangsan") => bot.SendAsync(user, text);

    private IReadOnlyList<Payment> PaymentsOfZhangsan()
    {
        var zhangsan = bot.Get<UserDirectory>().ByLocalName("zhangsan")!;
        return bot.Get<Receivables>().PaymentsOf(zhangsan.Id, DateTime.MinValue, DateTime.MaxValue);
    }

    [Fact]
    public async Task APaymentDateWithoutAYearIsThisYearsPastDay()
    {
        Assert.Contains("✅ 已记录 杭州海康威视数字技术股份有限公司 回款 ¥1", await Say("回款 海康 1 12月7日"));
        Assert.Contains("✅ 已记录 杭州海康威视数字技术股份有限公司 回款 ¥2", await Say("回款 海康 2 12月1日"));
        var days = PaymentsOfZhangsan().OrderBy(p => p.Amount).Select(p => DateOnly.FromDateTime(BusinessTime.ToLocal(p.ReceivedAt))).ToList();
        Assert.Equal([new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 1)], days);
        Assert.Contains("回款日期不能在将来", await Say("回款 海康 3 明天"));
    }

    [Fact]
    public async Task APlanDayThatJustPassedIsAskedAboutAndYesStoresNextYear()
    {
        var before = await Say("客户 海康");
        var asked = await Say("下次跟进 海康 12月7日");
        Assert.Contains("12月7日已经过了，是指明年 12月7日 吗？", asked);
        Assert.Equal(before, await Say("客户 海康")); // nothing stored yet (this also ends the dialog)

        Assert.Contains("12月7日已经过了，是指明年 12月7日 吗？", await Say("下次 海康 12月7日"));
        Assert.Contains("✅ 杭州海康威视数字技术股份有限公司 下次跟进：2027-12-07（周二）", await Say("是"));
    }

    [Fact]
    public async Task NoToAPassedPlanDayAsksForAnotherDay()
    {
        Assert.Contains("12月7日已经过了，是指明年 12月7日 吗？", await Say("跟进 海康 电话沟通 下次 12月7日"));
        Assert.Contains("那是哪一天", await Say("否"));
        var logged = await Say("12月20日");
        Assert.Contains("✅ 已记录跟进：杭州海康威视数字技术股份有限公司", logged);
        Assert.Contains("内容：电话沟通", logged);
        Assert.Contains("下次跟进：2026-12-20（周日）", logged);
    }

    [Fact]
    public async Task APaymentDatedTodayBeforeNoonIsAppliedToday()
    {
        await using var gatesOff = await ChatHarness.StartAsync(
            ["Sales:Gates:QuoteNeedsParts=false", "Sales:Gates:SampleNeedsApprovedQuote=false", "Sales:Gates:TestingNeedsShippedSample=false", "Sales:Gates:OrderNeedsPassedTest=false"],
            clock: TestClock.Create(TestClock.Shanghai(2026, 12, 8, 10, 30)));
        Assert.Contains("✅ 已新建线索", await gatesOff.SendAsync("zhangsan", "新建线索 苏州汇芯微电子有限公司 王工 13911112222"));
        await gatesOff.SendAsync("zhangsan", "新建商机 汇芯 电源模块");
        Assert.Contains("合计 ¥877,200", await gatesOff.SendAsync("zhangsan", "下单 电源模块 试产 TPS54331DR 100000 8.772"));
        Assert.Contains("✅ 已开票", await gatesOff.SendAsync("wangwu", "开票 O1 877200"));
        var paid = await gatesOff.SendAsync("zhangsan", "回款 汇芯 100000 今天");
        Assert.Contains("核销 1 张发票", paid);
        Assert.Contains("剩余应收 ¥777,200", paid);
    }

    [Fact]
    public async Task RelativeTimesWorkInRemindersAndPlans()
    {
        Assert.Contains("⏰ 好的，2026-12-08（周二）10:40 提醒你：给王工打电话", await Say("提醒 10分钟后 给王工打电话"));
        Assert.Contains("⏰ 好的，2026-12-08（周二）11:00 提醒你：发资料", await Say("提醒 半小时后 发资料"));
        Assert.Contains("⏰ 好的，2026-12-08（周二）11:30 提醒你：回电话", await Say("提醒 1小时后 回电话"));
        Assert.Contains("⏰ 好的，2026-12-08（周二）13:00 提醒你：开会", await Say("提醒 两个半小时后 开会"));
        Assert.Contains("⏰ 好的，2026-12-08（周二）20:00 提醒你：发报价（杭州海康威视数字技术股份有限公司）", await Say("提醒 海康 今晚 发报价"));
        Assert.Contains("⏰ 好的，2026-12-08（周二）20:00 提醒你：整理报价", await Say("提醒 今晚8点 整理报价"));
        Assert.Contains("⏰ 好的，2026-12-08（周二）18:00 提醒你：交周报", await Say("提醒 下班前 交周报"));
        Assert.Contains("下次跟进：2026-12-09（周三）09:00", await Say("跟进 海康 电话 下次 明早"));
        Assert.Contains("下次跟进：2026-12-10（周四）", await Say("跟进 海康 电话 下次 过两天"));
        Assert.Contains("下次跟进：2026-12-08（周二）12:30", await Say("下次跟进 海康 2小时后"));
        Assert.Contains("下次跟进：2026-12-08（周二）18:00", await Say("下次 海康 下班前"));
    }

    [Fact]
    public async Task AReminderForAnAmbiguousCompanyOffersNumberedChoices()
    {
        var asked = await Say("提醒 正泰 明天 打电话");
        Assert.Contains("1. ", asked);
        Assert.Contains("2. ", asked);
        Assert.Contains("提醒你：打电话", await Say("1"));
    }

    [Fact]
    public async Task AFollowUpEndingWithANextDateMovesThePlan()
    {
        var reply = await Say("跟进 正泰电器 电话沟通，下周三再联系");
        Assert.Contains("✅ 已记录跟进：浙江正泰电器股份有限公司", reply);
        Assert.Contains("内容：电话沟通，下周三再联系", reply);
        Assert.Contains("下次跟进：2026-12-16（周三）", reply);
    }

    [Fact]
    public async Task ANewDealKeepsTheAmountOutOfItsName()
    {
        Assert.Contains("「安防摄像头电源」", await Say("新建商机 海康 安防摄像头电源 80万元"));
        Assert.Contains("安防摄像头电源 · 需求挖掘 · ¥800,000", await Say("我的商机"));
        Assert.Contains("金额“很多”看不懂", await Say("回款 海康 很多"));
    }

    [Fact]
    public async Task AColonAfterTheCommandWordIsASeparator()
    {
        var reply = await Say("新建线索：立讯精密 王经理 13922223333");
        Assert.Contains("✅ 已新建线索：立讯精密（#", reply);
        Assert.Contains("联系人：王经理 13922223333", reply);
        Assert.Contains("✅ 已新建线索：歌尔股份", await Say("新建线索: 歌尔股份"));
    }

    [Fact]
    public async Task WordsAfterTheCompanyThatAreNoContactAreAskedAbout()
    {
        var asked = await Say("新建线索 苏州 新锐 电子 李工 13912345678");
        Assert.Contains("哪部分是公司名", asked);
        Assert.Contains("1. 苏州新锐电子（联系人 李工）", asked);
        Assert.Contains("2. 苏州新锐（联系人 电子 李工）", asked);
        Assert.Contains("3. 苏州（联系人 新锐 电子 李工）", asked);
        var created = await Say("1");
        Assert.Contains("✅ 已新建线索：苏州新锐电子（#", created);
        Assert.Contains("联系人：李工 13912345678", created);

        await Say("新建线索 无锡 新洁 能 张工");
        Assert.Contains("只是地名", await Say("3"));
    }

    [Fact]
    public async Task TheSameCompanyWrittenWithItsCityInBracketsIsADuplicate()
    {
        Assert.Contains("✅ 已新建线索：苏州汇芯微电子有限公司", await Say("新建线索 苏州汇芯微电子有限公司 王工 13911112222"));
        Assert.Contains("⚠️ 没有新建：苏州汇芯微电子有限公司 已存在", await Say("新建线索 汇芯微电子（苏州）有限公司"));
        Assert.Contains("已存在", await Say("新建线索 汇芯微电子集团股份有限公司"));
        Assert.Contains("电话号码相同", await Say("新建线索 某某电子 李工 139-1111-2222"));
    }

    [Fact]
    public async Task AQuestionMarkAfterACommandWordStillRunsIt() =>
        Assert.Contains("（12-08 周二）", await Say("今日待办？"));

    [Fact]
    public async Task AnEnglishQuestionNeverBecomesAnotherRolesCommand()
    {
        var answer = await Say("Price for 06035A391JAT2A?");
        Assert.DoesNotContain("cannot use", answer);
        Assert.DoesNotContain("不能使用", answer);
        Assert.Contains("\"06035A391JAT2A\" is not in our catalogue", answer); // the knowledge base's answer
        Assert.Contains("8.5", await Say("Price for STM32F103C8T6?"));
        Assert.Contains("✅ Priced STM32F103C8T6 at 8.2", await Say("price STM32F103C8T6 8.2", "zhaoliu")); // purchasing may
    }
}

using Zhonghan.Core.Conversations;
using Zhonghan.Core.Sales;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>
/// Issue 3's conversation across four people — rep 张三, inquiry assistant 王五, purchasing 赵六, manager 李四 (and
/// the admin standing in for the general manager) — from a new opportunity to the payment, asserting every hand-over.
/// </summary>
public class SalesScriptTests : IAsyncLifetime
{
    private ChatHarness bot = null!;

    public async Task InitializeAsync() => bot = await ChatHarness.StartAsync();
    public async Task DisposeAsync() => await bot.DisposeAsync();

    private async Task<string> Say(string user, string text) => await bot.SendAsync(user, text);

    private Reply Pushed(string user, string contains)
    {
        var inbox = bot.Inbox(user);
        var hit = inbox.FirstOrDefault(r => r.Text.Contains(contains));
        Assert.True(hit is not null, $"{user} was not told “{contains}”. Inbox: {string.Join(" | ", inbox.Select(r => r.Text))}");
        return hit!;
    }

    [Fact]
    public async Task FromNewOpportunityToPaymentEveryHandOverIsAMessage()
    {
        Assert.Contains("✅ 已新建商机 #1：深圳市汇川技术股份有限公司「新一代伺服驱动器」", await Say("zhangsan", "新建商机 汇川 新一代伺服驱动器"));

        // The quote stage needs a part: the bot asks for it instead of refusing.
        Assert.Contains("进入询报价需要至少一个物料及年用量。请告诉我物料型号和年用量", await Say("zhangsan", "推进 伺服 询报价"));
        var added = await Say("zhangsan", "STM32F103C8T6 10万 9");
        Assert.Contains("✅ 已添加物料：STM32F103C8T6 年用量 100,000 目标价 ¥9", added);
        Assert.Contains("✅ 已推进到 询报价", added);
        await Say("zhangsan", "添加物料 伺服 TPS54331DR 100000");

        // Rep → inquiry assistant.
        Assert.Contains("询价交给询价助理 王五", await Say("zhangsan", "询价 伺服"));
        var inquiry = Pushed("wangwu", "张三 把 深圳市汇川技术股份有限公司「新一代伺服驱动器」的询价交给你了");
        Assert.Contains(inquiry.Card!.Lines, l => l.Contains("STM32F103C8T6 年用量 100,000"));

        // Assistant → purchasing → assistant.
        Assert.Contains("已请采购为 2 个物料定价", await Say("wangwu", "求价 伺服"));
        Pushed("zhaoliu", "王五 请你为 深圳市汇川技术股份有限公司 的 2 个物料报个价");
        Assert.Contains("✅ 已定价：STM32F103C8T6 ¥8.2，交期 6周，MOQ 2,500", await Say("zhaoliu", "定价 STM32F103C8T6 8.2 6周 2500"));
        Pushed("wangwu", "还差 1 个物料的价格");
        await Say("zhaoliu", "定价 TPS54331DR 1.5");
        Assert.Contains("报价：报价 #1", Pushed("wangwu", "的物料都有价格了").Text);

        // ¥970,000 ≥ ¥500,000: manager, then the general manager (the admin, as there is none).
        var quoted = await Say("wangwu", "报价 伺服");
        Assert.Contains("✅ 已生成报价 Q1 第 1 版，合计 ¥970,000（规则：大额）", quoted);
        Assert.Contains("主管（李四） → 总经理（管理员）", quoted);
        var managerCard = Pushed("lisi", "请审批报价 Q1").Card!;
        Assert.Equal(["同意", "驳回"], managerCard.Actions.Select(a => a.Title));

        // Someone else pressing the manager's button does nothing.
        Assert.Contains("不归你处理", (await bot.PressAsync("zhangsan", managerCard.Actions[0])).Replies[0].Text);
        var approved = await bot.PressAsync("lisi", managerCard.Actions[0]);
        Assert.Equal("已同意 · 李四", approved.Replies[0].Card!.Outcome);
        Assert.True(approved.Replies[0].UpdatesCard);
        Assert.Contains("已经处理过了", (await bot.PressAsync("lisi", managerCard.Actions[1])).Replies[0].Text);

        var gmCard = Pushed("admin", "请审批报价 Q1").Card!;
        await bot.PressAsync("admin", gmCard.Actions[0]);
        var quotation = Pushed("zhangsan", "✅ 报价 Q1（第 1 版）已批准");
        Assert.Equal("报价单 Q1（第 1 版）", quotation.Card!.Title);
        Assert.Contains(quotation.Card.Lines, l => l.Contains("STM32F103C8T6 × 100,000 @ ¥8.2 = ¥820,000"));
        Pushed("wangwu", "✅ 报价 Q1（第 1 版）已批准");

        // Samples: rep → assistant ships → rep.
        Assert.Contains("✅ 已提交申样单 S1", await Say("zhangsan", "申样 伺服 STM32F103C8T6 20 深圳南山区科技园"));
        Assert.Contains("寄样 S1 <快递单号>", string.Join("\n", Pushed("wangwu", "需要样品 STM32F103C8T6 × 20").Card!.Lines));
        Assert.Contains("已通知销售", await Say("wangwu", "寄样 S1 SF1234567890"));
        Pushed("zhangsan", "样品已寄出：STM32F103C8T6 × 20，快递单号 SF1234567890");

        // Test, trial order, shipments and invoice, bulk order (won), payment.
        Assert.Contains("测试通过", await Say("zhangsan", "测试结果 伺服 通过 高低温测试正常"));
        Assert.Contains("✅ 已下试产订单 O1", await Say("zhangsan", "下单 伺服 试产 STM32F103C8T6 2000 8.2"));
        Pushed("wangwu", "下了试产订单 O1");
        Assert.Contains("累计 1,200/2,000", await Say("wangwu", "发货 O1 1200 SF0001"));
        Pushed("zhangsan", "订单 O1 已发货 1,200");
        Assert.Contains("不能发 900", await Say("wangwu", "发货 O1 900"));
        await Say("wangwu", "发货 O1 800 SF0002");
        Assert.Contains("✅ 已开票 I1：¥16,400，到期日 2026-12-30（周三）", await Say("wangwu", "开票 O1 16400"));
        Assert.Contains("🎉 商机已赢单", await Say("zhangsan", "下单 伺服 批量 STM32F103C8T6 100000 8.2"));
        var paid = await Say("zhangsan", "回款 汇川 16400");
        Assert.Contains("✅ 已记录 深圳市汇川技术股份有限公司 回款 ¥16,400，核销 1 张发票", paid);
        Assert.Contains("剩余应收 ¥0", paid);

        var card = await Say("zhangsan", "商机 伺服");
        Assert.Contains("【赢单】", card);
        Assert.Contains("订单：O2 批量", card);
    }

    [Fact]
    public async Task ARejectionFromTheCardAsksForTheCommentAndPassesItOn()
    {
        await ReadyToQuote(amount: "60000", price: "1");
        await Say("wangwu", "报价 伺服");
        var card = Pushed("lisi", "请审批报价 Q1").Card!;
        var rejected = await bot.PressAsync("lisi", card.Actions[1]);
        Assert.Equal("已驳回 · 李四", rejected.Replies[0].Card!.Outcome);
        Assert.Contains("请补充驳回意见", rejected.Replies[1].Text);
        Pushed("zhangsan", "被 李四 驳回：（意见待补充）");
        Assert.Contains("驳回意见已转告", await Say("lisi", "价格低于底价，请重新议价"));
        Pushed("zhangsan", "李四 对报价 Q1 的驳回意见：价格低于底价，请重新议价");
        Pushed("wangwu", "李四 对报价 Q1 的驳回意见");

        // A new version after the change goes through approval again.
        await Say("zhaoliu", "定价 STM32F103C8T6 1.2");
        Assert.Contains("报价 Q2 第 2 版", await Say("wangwu", "报价 伺服"));
        Pushed("lisi", "请审批报价 Q2");
        Assert.Equal(QuoteStatus.Rejected, bot.Get<QuoteService>().Get(1)!.Status);
    }

    [Fact]
    public async Task AChangeAfterApprovalNeedsApprovalAgain()
    {
        // 常州星宇车灯 is a C customer: a small quote needs no approval.
        await ReadyToQuote(amount: "1000", price: "1", company: "星宇");
        Assert.Contains("无需审批，已直接批准", await Say("wangwu", "报价 伺服"));
        await Say("zhangsan", "添加物料 伺服 TPS54331DR 100000");
        await Say("zhaoliu", "定价 TPS54331DR 1");
        Assert.Contains("第 2 版，合计 ¥101,000（规则：中额）", await Say("wangwu", "报价 伺服"));
        Assert.Equal(QuoteStatus.Superseded, bot.Get<QuoteService>().Get(1)!.Status);
        Assert.Contains("申样需要一份审批通过的报价。报价 Q2 正在审批中", await Say("zhangsan", "申样 伺服 STM32F103C8T6 10"));
    }

    [Fact]
    public async Task TypedApprovalWorksAndTheCardStopsWorking()
    {
        await ReadyToQuote(amount: "60000", price: "1");
        await Say("wangwu", "报价 伺服");
        var card = Pushed("lisi", "请审批报价 Q1").Card!;
        Assert.Contains("Q1", await Say("lisi", "待审批"));
        Assert.Contains("✅ 报价 Q1 已同意 · 李四，报价已批准", await Say("lisi", "同意 Q1"));
        Assert.Contains("已经处理过了", (await bot.PressAsync("lisi", card.Actions[0])).Replies[0].Text);
        Assert.Contains("已批准，无需再审批", await Say("lisi", "同意 Q1"));
        Assert.Contains("你的角色不能使用“同意”", await Say("zhangsan", "同意 Q1"));
    }

    [Fact]
    public async Task GatesSayWhatIsMissing()
    {
        await Say("zhangsan", "新建商机 汇川 伺服驱动器");
        Assert.Contains("进入询报价需要至少一个物料及年用量", await Say("zhangsan", "推进 伺服 申样"));
        Assert.Contains("已取消", await Say("zhangsan", "取消"));
        await Say("zhangsan", "添加物料 伺服 STM32F103C8T6 10");
        Assert.Contains("申样需要一份审批通过的报价。还没有询价，先发送：询价 #1", await Say("zhangsan", "推进 伺服 申样"));
        // Skipping stages checks every gate on the way: the first missing thing is named.
        Assert.Contains("申样需要一份审批通过的报价", await Say("admin", "推进 #1 测试"));
        Assert.Contains("申样需要一份审批通过的报价", await Say("zhangsan", "下单 伺服 试产 STM32F103C8T6 10 1"));
        Assert.Contains("没有“火星”这个阶段", await Say("zhangsan", "推进 伺服 火星"));
        Assert.Contains("丢单需要写明原因", await Say("zhangsan", "丢单 伺服 x"));
        Assert.Contains("已标记丢单", await Say("zhangsan", "丢单 伺服 客户改用国产方案"));
        Assert.Contains("不能再推进", await Say("zhangsan", "推进 伺服 询报价"));
    }

    [Fact]
    public async Task OthersOpportunitiesStayHidden()
    {
        await Say("zhangsan", "新建商机 汇川 伺服驱动器");
        Assert.Contains("没有找到商机", await Say("sunqi", "商机 伺服"));
        Assert.Contains("没有找到商机", await Say("sunqi", "推进 #1 询报价"));
        Assert.Contains("商机 #1 伺服驱动器", await Say("lisi", "商机 #1"));
    }

    [Fact]
    public async Task RegistrationsAreFlaggedOnTheCard()
    {
        await Say("zhangsan", "新建商机 汇川 伺服驱动器");
        Assert.Contains("状态：已提交", await Say("zhangsan", "报备 伺服 ST 苏州工厂"));
        await Say("zhangsan", "报备结果 伺服 ST 通过 2026-12-20");
        Assert.Contains("⚠️ 报备将于 2026-12-20（周日） 到期", await Say("zhangsan", "商机 伺服"));
        await Say("zhangsan", "报备 伺服 TI");
        await Say("zhangsan", "报备结果 伺服 TI 驳回 项目已被他人报备");
        Assert.Contains("⚠️ 报备被驳回", await Say("zhangsan", "商机 伺服"));
    }

    [Fact]
    public async Task TheFunnelCountsStagesAndConversion()
    {
        await Say("zhangsan", "新建商机 汇川 伺服驱动器");
        await Say("zhangsan", "新建商机 正泰电器 智能断路器 20万");
        await Say("zhangsan", "添加物料 伺服 STM32F103C8T6 1000 5");
        await Say("zhangsan", "推进 伺服 询报价");
        var funnel = await Say("lisi", "漏斗");
        Assert.Contains("销售漏斗 · 华东销售部", funnel);
        Assert.Contains("需求挖掘：1 个 · ¥200,000 · 转化 50%", funnel);
        Assert.Contains("询报价：1 个 · ¥5,000", funnel);
        Assert.Contains("销售漏斗 · 张三", await Say("zhangsan", "漏斗"));
    }

    private async Task ReadyToQuote(string amount, string price, string company = "汇川")
    {
        await Say("zhangsan", $"新建商机 {company} 伺服驱动器");
        await Say("zhangsan", $"添加物料 伺服 STM32F103C8T6 {amount}");
        await Say("zhangsan", "询价 伺服");
        await Say("zhaoliu", $"定价 STM32F103C8T6 {price}");
        bot.Inbox("wangwu");
    }
}

using Zhonghan.Core.Customers;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>Scripted conversations, one per command: send a message, assert the reply. Demo data, Monday 2026-11-30 09:30.</summary>
public class CommandScriptTests : IAsyncLifetime
{
    private ChatHarness bot = null!;

    public async Task InitializeAsync() => bot = await ChatHarness.StartAsync();
    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task HelpListsEveryCommandWithAnExample()
    {
        var help = await bot.SendAsync("zhangsan", "帮助");
        foreach (var word in new[] { "新建线索 <公司> [联系人] [电话]", "跟进 <公司> <内容> [下次 <日期>]", "我的线索", "今日待办", "客户 <公司>", "公海", "领取 <公司>", "退回公海 <公司> <原因>" })
            Assert.Contains(word, help);
        Assert.Contains("例：跟进 汇川", help);
        Assert.DoesNotContain("添加用户", help); // admins only
        Assert.Contains("添加用户", await bot.SendAsync("admin", "帮助"));
        var english = await bot.SendAsync("zhangsan", "help");
        Assert.Contains("followup <company> <note> [next <date>]", english);
        Assert.Contains("lead <company> [contact] [phone]", english);
    }

    [Fact]
    public async Task ANewLeadIsCreatedWithContactAndPhone()
    {
        var reply = await bot.SendAsync("zhangsan", "新建线索 昆山龙腾光电股份有限公司 陆工 13911112222");
        Assert.Contains("✅ 已新建线索：昆山龙腾光电股份有限公司", reply);
        Assert.Contains("陆工 13911112222", reply);
        var card = await bot.SendAsync("zhangsan", "客户 龙腾光电");
        Assert.Contains("陆工 · 其他 · 13911112222", card);
        Assert.Contains("负责人：张三", card);
    }

    [Fact]
    public async Task ANewLeadOffersButtonsForTheFirstFollowUpDate()
    {
        var reply = (await bot.TurnAsync("zhangsan", "新建线索 昆山龙腾光电股份有限公司 陆工")).Replies.Single();
        Assert.Contains("首次跟进安排在哪天？", reply.Text);
        var buttons = reply.Card!.Actions;
        Assert.Equal(["明天", "后天", "下周一", "查看客户"], buttons.Select(b => b.Title));

        // Monday 2026-11-30: 后天 is Wednesday; the press plans it and the lead shows the date.
        var pressed = string.Join("\n", (await bot.PressAsync("zhangsan", buttons[1])).Replies.Select(r => r.Text));
        Assert.Contains("2026-12-02（周三）", pressed);
        Assert.Contains("下次跟进：2026-12-02（周三）", await bot.SendAsync("zhangsan", "客户 龙腾光电"));

        var monday = (await bot.TurnAsync("zhangsan", "新建线索 苏州汇川精密有限公司")).Replies.Single().Card!.Actions[2];
        Assert.Contains("2026-12-07（周一）", string.Join("\n", (await bot.PressAsync("zhangsan", monday)).Replies.Select(r => r.Text)));
    }

    [Fact]
    public async Task AnEnglishLeadCommandIsAnsweredInEnglish()
    {
        var reply = await bot.SendAsync("zhangsan", "lead \"Acme Power Co., Ltd.\" Tom 13900001111");
        Assert.Contains("✅ Lead created: Acme Power Co., Ltd.", reply);
        Assert.Contains("Contact: Tom 13900001111", reply);
    }

    [Fact]
    public async Task ADuplicateLeadSaysWhoseItIsAsFarAsTheRepMayKnow()
    {
        Assert.Contains("已经是你的客户了", await bot.SendAsync("zhangsan", "新建线索 深圳汇川技术有限公司"));
        var other = await bot.SendAsync("sunqi", "新建线索 汇川技术");
        Assert.Contains("已存在", other);
        Assert.Contains("华东销售部的同事负责", other);
        Assert.DoesNotContain("张三", other);
        Assert.DoesNotContain("深圳市汇川技术股份有限公司", other);
        Assert.Contains("由同事 张三 负责", await bot.SendAsync("lisi", "新建线索 汇川技术"));
        Assert.Contains("可以发送“领取 #", await bot.SendAsync("sunqi", "新建线索 青岛特锐德电气有限公司"));
        Assert.Contains("电话号码相同", await bot.SendAsync("sunqi", "新建线索 某某贸易 王工 13800130001"));
    }

    [Fact]
    public async Task AMissingCompanyIsAskedFor()
    {
        Assert.Contains("请输入公司名称", await bot.SendAsync("zhangsan", "新建线索"));
        Assert.Contains("✅ 已新建线索：嘉兴斯达半导体股份有限公司", await bot.SendAsync("zhangsan", "嘉兴斯达半导体股份有限公司"));
    }

    [Fact]
    public async Task AFollowUpStatesTheResolvedDateAndWeekday()
    {
        var reply = await bot.SendAsync("zhangsan", "跟进 汇川 拜访王工，确认新项目用量 下次 下周三");
        Assert.Contains("✅ 已记录跟进：深圳市汇川技术股份有限公司（拜访）", reply);
        Assert.Contains("内容：拜访王工，确认新项目用量", reply);
        Assert.Contains("下次跟进：2026-12-09（周三）", reply);
        Assert.Contains("下次跟进：2026-12-01（周二）14:00", await bot.SendAsync("zhangsan", "跟进 汇川 电话 下次 明天 14:00"));
        Assert.Contains("Next follow-up: Sat 2026-12-05", await bot.SendAsync("zhangsan", "followup 汇川 call next 12-05"));
        var card = await bot.SendAsync("zhangsan", "客户 汇川");
        Assert.Contains("[电话] 电话 —张三", card);
    }

    [Fact]
    public async Task AFollowUpAsksForWhatIsMissing()
    {
        Assert.Contains("请问跟进的是哪家客户", await bot.SendAsync("zhangsan", "跟进"));
        Assert.Contains("请输入跟进内容", await bot.SendAsync("zhangsan", "南瑞"));
        var done = await bot.SendAsync("zhangsan", "电话沟通了样品进度");
        Assert.Contains("✅ 已记录跟进：南京南瑞继保电气有限公司（电话）", done);
        Assert.Contains("下次跟进仍为：", done);
    }

    [Fact]
    public async Task AnAmbiguousNameGetsNumberedChoicesAndTheNumberAnswers()
    {
        var choose = await bot.TurnAsync("zhangsan", "跟进 正泰 电话沟通 下次 周五");
        var card = choose.Replies.Single().Card!;
        Assert.Contains("对应多个客户", card.Title);
        Assert.Equal(2, card.Actions.Count);
        Assert.Contains("请回复 1 到 2", await bot.SendAsync("zhangsan", "3"));
        var target = card.Lines[1][3..];
        var done = await bot.SendAsync("zhangsan", "2");
        Assert.Contains($"✅ 已记录跟进：{target}", done);
        Assert.Contains("下次跟进：2026-12-04（周五）", done);
    }

    [Fact]
    public async Task AnUnreadableDateIsAskedAgainAndNothingIsLogged()
    {
        Assert.Contains("没看懂日期“火星”", await bot.SendAsync("zhangsan", "跟进 汇川 拜访 下次 火星"));
        Assert.Contains("下次跟进：2026-12-02（周三）", await bot.SendAsync("zhangsan", "后天"));
        Assert.Contains("已经过去", await bot.SendAsync("zhangsan", "跟进 汇川 拜访 下次 昨天"));
    }

    [Fact]
    public async Task CancelStopsTheQuestion()
    {
        await bot.SendAsync("zhangsan", "跟进");
        Assert.Contains("已取消", await bot.SendAsync("zhangsan", "取消"));
        Assert.Contains("没看懂", await bot.SendAsync("zhangsan", "汇川"));
        Assert.Contains("没有需要取消", await bot.SendAsync("zhangsan", "取消"));
    }

    [Fact]
    public async Task ANewCommandEndsAPendingQuestion()
    {
        await bot.SendAsync("zhangsan", "跟进");
        Assert.Contains("今日待办", await bot.SendAsync("zhangsan", "今日待办"));
    }

    [Fact]
    public async Task UnknownCustomersAreNotFoundAndOthersCustomersStayHidden()
    {
        Assert.Contains("没有找到客户“不存在电子”", await bot.SendAsync("zhangsan", "跟进 不存在电子 拜访"));
        var hidden = await bot.SendAsync("sunqi", "客户 汇川");
        Assert.Contains("没有找到客户", hidden);
        Assert.DoesNotContain("张三", hidden);
    }

    [Fact]
    public async Task MyLeadsIsPagedWithLastAndNextFollowUp()
    {
        var page1 = await bot.TurnAsync("zhangsan", "我的线索");
        var text = page1.Replies.Single().Text;
        Assert.Contains("我的线索（共 15 个，第 1/2 页）", text);
        Assert.Contains("⚠️逾期", text);
        Assert.Contains("上次 ", text);
        Assert.Contains(page1.Replies.Single().Card!.Actions, a => a.Title == "下一页");
        Assert.Contains("第 2/2 页", await bot.SendAsync("zhangsan", "我的线索 2"));
        Assert.Contains("只有 2 页", await bot.SendAsync("zhangsan", "我的线索 9"));
        Assert.Contains("My leads (15, page 1/2)", await bot.SendAsync("zhangsan", "my leads"));
        Assert.Contains("还没有客户", await bot.SendAsync("admin", "我的线索"));
    }

    [Fact]
    public async Task TodayListsDueAndOverdue()
    {
        // Seeded relative to the clock (Mon 11-30): due today 汇川 and 无锡先导; overdue 正泰电器, 三星医疗, 中天, 台达.
        var today = await bot.SendAsync("zhangsan", "今日待办");
        Assert.Contains("逾期 4 个，今天 2 个", today);
        Assert.Contains("深圳市汇川技术股份有限公司", today);
        Assert.DoesNotContain("上海联影", today);
        await bot.SendAsync("zhangsan", "跟进 汇川 拜访 下次 下周一");
        Assert.Contains("逾期 4 个，今天 1 个", await bot.SendAsync("zhangsan", "今日待办"));
        Assert.Contains("Today (2026-11-30): 4 overdue, 1 due today", await bot.SendAsync("zhangsan", "today"));
    }

    [Fact]
    public async Task TheCustomerCardShowsContactsOwnerStatusAndTheLastFiveFollowUps()
    {
        for (var i = 1; i <= 6; i++) await bot.SendAsync("zhangsan", $"跟进 汇川 第{i}次电话");
        var reply = (await bot.TurnAsync("zhangsan", "客户 汇川")).Replies.Single();
        var card = reply.Card!;
        Assert.Equal("深圳市汇川技术股份有限公司", card.Title);
        Assert.Contains(card.Fields, f => f.Label == "负责人" && f.Value == "张三");
        Assert.Contains(card.Lines, l => l.Contains("王工 · 硬件研发 · 13800130001"));
        Assert.Contains("最近 5 次跟进", reply.Text);
        Assert.Contains("第6次电话", reply.Text);
        Assert.DoesNotContain("第1次电话", reply.Text);
        Assert.Contains(card.Actions, a => a.Title == "退回公海");
    }

    [Fact]
    public async Task ThePoolCanBeListedClaimedAndReturnedTo()
    {
        var pool = await bot.SendAsync("zhangsan", "公海");
        Assert.Contains("公海（共 7 个", pool);
        var buttons = (await bot.TurnAsync("sunqi", "公海")).Replies.Single().Card!.Actions;
        Assert.Contains(buttons, a => a.Title == "领取 1" && a.Payload["text"].StartsWith("领取 #"));
        Assert.Contains("✅ 已领取：青岛特锐德电气股份有限公司", await bot.SendAsync("sunqi", "领取 特锐德"));
        Assert.Contains("请在 2026-12-30（周三） 前跟进", await bot.SendAsync("sunqi", "领取 中车"));
        Assert.Contains("已经是你的客户了", await bot.SendAsync("zhangsan", "领取 #1"));
        Assert.Contains("是你退回的，30 天内不能再领取", await bot.SendAsync("zhangsan", "领取 华中数控"));

        Assert.Contains("请写一下退回原因", await bot.SendAsync("sunqi", "退回公海 特锐德"));
        var back = await bot.SendAsync("sunqi", "暂无预算");
        Assert.Contains("✅ 已退回公海：青岛特锐德电气股份有限公司", back);
        Assert.Contains("原因：暂无预算", back);
        Assert.Contains("公海（共 6 个", await bot.SendAsync("zhangsan", "公海"));
    }

    [Fact]
    public async Task AFollowUpOnAPoolCustomerAsksToClaimFirst() =>
        Assert.Contains("在公海中，请先领取", await bot.SendAsync("sunqi", "跟进 特锐德 电话"));

    [Fact]
    public async Task RolesWithoutCustomersAreRefusedPolitely()
    {
        Assert.Contains("你的角色不能使用“跟进”", await bot.SendAsync("zhaoliu", "跟进 汇川 电话"));
        Assert.Contains("你的角色不能使用“添加用户”", await bot.SendAsync("zhangsan", "添加用户 x 某某 销售 华东销售部"));
    }

    [Fact]
    public async Task AnAdminAddsAUserWhoCanThenChat()
    {
        var added = await bot.SendAsync("admin", "添加用户 chenba 陈八 销售 华南销售部");
        Assert.Contains("✅ 已开通：陈八（chenba）· 销售 · 华南销售部", added);
        Assert.Contains("没有“老板”这个角色", await bot.SendAsync("admin", "添加用户 chenba 陈八 老板 华南销售部"));
        Assert.Contains("没有“火星部”这个部门", await bot.SendAsync("admin", "添加用户 chenba 陈八 销售 火星部"));
        Assert.Contains("✅ 已新建线索", await bot.SendAsync("chenba", "新建线索 东莞新能德科技有限公司"));
    }

    [Fact]
    public async Task AContactIsAddedWithItsRole()
    {
        Assert.Contains("✅ 已添加联系人：深圳市汇川技术股份有限公司 · 李工 · 采购 · 13912345678",
            await bot.SendAsync("zhangsan", "添加联系人 汇川 李工 采购 13912345678"));
        Assert.Contains("另一个客户下", await bot.SendAsync("zhangsan", "添加联系人 汇川 赵工 13800130002"));
    }

    [Fact]
    public async Task RescheduleMovesTheNextFollowUp()
    {
        Assert.Contains("✅ 深圳市汇川技术股份有限公司 下次跟进：2026-12-05（周六）14:00", await bot.SendAsync("zhangsan", "下次跟进 汇川 12月5日 14:00"));
        var c = bot.Get<CustomerService>().Get(1)!;
        Assert.False(c.NextFollowUpDateOnly);
    }

    [Fact]
    public async Task TextThatIsNoCommandGetsAHint() =>
        Assert.Contains("没看懂。发送“帮助”", await bot.SendAsync("zhangsan", "今天天气不错"));

    [Theory]
    [InlineData("跟进 \"汇川 拜访")]
    [InlineData("新建线索 \"\"")]
    [InlineData("客户 #")]
    [InlineData("客户 #-1")]
    [InlineData("领取 #2147483648")]
    [InlineData("我的线索 -3")]
    [InlineData("我的线索 99999999999999")]
    [InlineData("跟进 汇川 下次")]
    [InlineData("跟进 汇川 拜访 下次 2026-02-30")]
    [InlineData("新建线索 有限公司")]
    [InlineData("新建线索 ☃☃☃")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("退回公海 汇川 x")]
    [InlineData("lead")]
    [InlineData("；；；")]
    public async Task NoInputEverProducesAStackTrace(string text)
    {
        var reply = await bot.SendAsync("zhangsan", text);
        Assert.False(string.IsNullOrWhiteSpace(reply));
        Assert.DoesNotContain("Exception", reply);
        Assert.DoesNotContain("   at ", reply);
        Assert.DoesNotContain("参考编号", reply);
    }

    [Fact]
    public async Task AVeryLongNoteIsRefusedClearly()
    {
        var reply = await bot.SendAsync("zhangsan", "跟进 汇川 " + new string('很', 2500));
        Assert.Contains("跟进内容过长", reply);
    }
}

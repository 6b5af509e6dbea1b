using Zhonghan.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Zhonghan.Bot.LocalChat;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Reminders;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>Follow-up reminders driven by a fake clock (start: Monday 2026-11-30 09:30 Shanghai), delivered to the local channel.</summary>
public class ReminderTests : IAsyncLifetime
{
    private ChatHarness bot = null!;

    public async Task InitializeAsync()
    {
        bot = await ChatHarness.StartAsync();
        // The demo data's plans are cleared, so each test sees only the reminders it causes.
        var db = bot.Get<Zhonghan.Storage.DocumentStore>();
        await db.Units.RunAsync(() =>
        {
            foreach (var c in db.AllCustomers())
            {
                c.NextFollowUpAt = null;
                db.Customers.Save(c);
            }
        }, CancellationToken.None);
        await Tick();
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    private Task<int> Tick() => bot.Get<ReminderTick>().RunAsync(CancellationToken.None);

    private void At(int day, int hour, int minute = 0) =>
        bot.Clock.SetUtcNow(TestClock.Shanghai(2026, day > 30 ? 12 : 11, day > 30 ? day - 30 : day, hour, minute));

    [Fact]
    public async Task AFollowUpDueNowReachesTheOwnerAsACardWithItsActions()
    {
        await bot.SendAsync("zhangsan", "下次跟进 汇川 今天 10:00");
        At(30, 9, 59);
        await Tick();
        Assert.Empty(bot.Inbox("zhangsan"));
        At(30, 10, 0);
        await Tick();
        var card = bot.Inbox("zhangsan").Single().Card!;
        Assert.Equal("跟进提醒：深圳市汇川技术股份有限公司", card.Title);
        Assert.Null(card.Subtitle);
        Assert.Equal(["完成", "推迟 1天", "推迟 3天", "下周", "查看"], card.Actions.Select(a => a.Title));
        await Tick();
        Assert.Empty(bot.Inbox("zhangsan")); // once

        // The buttons work: 推迟 3天 moves the plan; 完成 asks for the follow-up.
        Assert.Contains("下次跟进：2026-12-03（周四）", string.Join("\n", (await bot.PressAsync("zhangsan", card.Actions[2])).Replies.Select(r => r.Text)));
        Assert.Contains("请输入跟进内容", (await bot.PressAsync("zhangsan", card.Actions[0])).Replies[0].Text);
    }

    [Fact]
    public async Task ADateOnlyPlanFallsDueAtNine()
    {
        await bot.SendAsync("zhangsan", "下次跟进 汇川 明天");
        At(31, 8, 59);
        await Tick();
        Assert.Empty(bot.Inbox("zhangsan"));
        At(31, 9, 0);
        await Tick();
        Assert.Contains("深圳市汇川技术股份有限公司", bot.Inbox("zhangsan").Single().Text);
    }

    [Fact]
    public async Task QuietHoursHoldRemindersUntilHalfPastEight()
    {
        await bot.SendAsync("zhangsan", "下次跟进 汇川 今天 23:00");
        At(30, 23, 0);
        await Tick();
        At(31, 8, 29);
        await Tick();
        Assert.Empty(bot.Inbox("zhangsan"));
        At(31, 8, 30);
        await Tick();
        var reply = bot.Inbox("zhangsan").Single();
        Assert.Contains("汇川", reply.Text);
        Assert.Null(reply.Card!.Subtitle); // held for quiet hours is not late
    }

    [Fact]
    public async Task SeveralDueAtOnceBecomeOneMessage()
    {
        await bot.SendAsync("zhangsan", "下次跟进 汇川 今天 11:00");
        await bot.SendAsync("zhangsan", "下次跟进 南瑞 今天 11:00");
        await bot.SendAsync("zhangsan", "提醒 星宇 今天 11:00 寄送样品资料");
        At(30, 11, 0);
        await Tick();
        var message = bot.Inbox("zhangsan").Single();
        Assert.StartsWith("跟进提醒（3 项）", message.Card!.Title);
        Assert.Contains("南瑞继保电气", message.Text);
        Assert.Contains("寄送样品资料", message.Text);
    }

    [Fact]
    public async Task AnOverdueFollowUpIsReportedToTheManagerOnce()
    {
        await bot.SendAsync("zhangsan", "下次跟进 汇川 今天 10:00");
        At(30, 10, 0);
        await Tick();
        At(33, 9, 59);
        await Tick();
        Assert.Empty(bot.Inbox("lisi"));
        At(33, 10, 0); // three days overdue
        await Tick();
        var card = bot.Inbox("lisi").Single().Card!;
        Assert.Equal("逾期跟进：深圳市汇川技术股份有限公司", card.Title);
        Assert.Contains(card.Fields, f => f.Label == "负责人" && f.Value == "张三");
        Assert.Contains(card.Actions, a => a.Title == "转给");
        At(34, 10, 0);
        await Tick();
        Assert.Empty(bot.Inbox("lisi"));
        Assert.Contains("转给哪位同事", (await bot.PressAsync("lisi", card.Actions[0])).Replies[0].Text);
        Assert.Contains("✅ 已把 深圳市汇川技术股份有限公司 转给 张三", await bot.SendAsync("lisi", "张三"));
    }

    [Fact]
    public async Task RemindersMissedWhileTheBotWasDownGoOutAtStartMarkedLate()
    {
        await bot.SendAsync("zhangsan", "下次跟进 汇川 今天 11:00");
        At(30, 10, 0);
        await Tick();
        At(30, 15, 0); // down from 10:00 to 15:00
        await Tick();
        var card = bot.Inbox("zhangsan").Single().Card!;
        Assert.Equal("⚠️ 补发（原定 11-30 11:00，当时未在线）", card.Subtitle);
    }

    [Fact]
    public async Task ACrashBetweenSendingAndMarkingDoesNotSendTwice()
    {
        await using var crashing = await ChatHarness.StartAsync(configure: b => b.Services.AddSingleton<IMessenger, CrashAfterSend>());
        await crashing.Get<ReminderTick>().RunAsync(CancellationToken.None); // sends, then "crashes" before marking
        var pending = crashing.Get<DeliveryQueue>().Pending();
        Assert.NotEmpty(pending);
        CrashAfterSend.Crash = false;
        await crashing.Get<ReminderTick>().RunAsync(CancellationToken.None); // resends with the same key
        Assert.Empty(crashing.Get<DeliveryQueue>().Pending());
        var inbox = crashing.Inbox("zhangsan");
        Assert.Single(inbox, r => r.Text.StartsWith("跟进提醒"));
        // Every resend carried the first send's key (how many times it was tried depends on when the sender woke).
        Assert.All(CrashAfterSend.Keys.GroupBy(k => k), g => Assert.True(g.Count() >= 2, $"{g.Key} sent {g.Count()} time(s)"));
    }

    [Fact]
    public async Task AdHocRemindersCanBeListedCancelledAndFire()
    {
        Assert.Contains("⏰ 好的，2026-11-30（周一）11:00 提醒你：电话确认样品测试进度（深圳市汇川技术股份有限公司）", await bot.SendAsync("zhangsan", "提醒 汇川 今天 11:00 电话确认样品测试进度"));
        Assert.Contains("⏰ 好的，2026-12-01（周二）15:00 提醒你：周会", await bot.SendAsync("zhangsan", "提醒 明天下午3点 周会"));
        var list = await bot.SendAsync("zhangsan", "我的提醒");
        Assert.Contains("1. 2026-11-30（周一）11:00 电话确认样品测试进度", list);
        Assert.Contains("已取消提醒 2：周会", await bot.SendAsync("zhangsan", "取消提醒 2"));
        Assert.Contains("没有编号为 9 的提醒", await bot.SendAsync("zhangsan", "取消提醒 9"));
        Assert.Contains("已经过去", await bot.SendAsync("zhangsan", "提醒 汇川 昨天 打电话"));
        At(30, 11, 0);
        await Tick();
        var card = bot.Inbox("zhangsan").Single().Card!;
        Assert.Equal("⏰ 提醒：电话确认样品测试进度", card.Title);
        At(31, 16, 0);
        await Tick();
        Assert.Empty(bot.Inbox("zhangsan"));
    }

    /// <summary>Delivers to the real local outbox, then throws as if the process died before recording the send.</summary>
    private sealed class CrashAfterSend(LocalOutbox outbox) : IMessenger
    {
        public static bool Crash = true;
        public static readonly List<string> Keys = new();
        public string Channel => Channels.Local;

        public async Task<SendResult> SendAsync(ConversationAddress to, IReadOnlyList<Reply> replies, SendOptions options, CancellationToken ct)
        {
            var result = await outbox.SendAsync(to, replies, options, ct);
            lock (Keys) Keys.Add(options.IdempotencyKey ?? "");
            if (Crash) throw new IOException("simulated crash after the channel accepted the message");
            return result;
        }
    }
}

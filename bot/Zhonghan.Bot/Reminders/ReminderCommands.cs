using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Pool;
using Zhonghan.Core.Reminders;
using Zhonghan.Core.Security;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Reminders;

/// <summary>
/// 提醒 [公司] &lt;时间&gt; &lt;内容&gt; — an ad-hoc reminder, delivered like follow-up reminders (quiet hours too). The
/// time is a plan (10分钟后, 今晚8点, 下班前, 明天下午3点 …); an ambiguous company gets numbered choices.
/// </summary>
public sealed class RemindCommand(AdHocReminders reminders, TimeProvider clock) : Command
{
    public override string Name => "提醒";
    public override IReadOnlyList<string> Aliases => ["remind", "提醒我"];
    public override string Usage => "提醒 [公司] <时间> <内容>";
    public override string UsageEn => "remind [company] <time> <text>";
    public override string Summary => "到时间提醒我（可关联客户）";
    public override string SummaryEn => "remind me at a time";
    public override string Example => "提醒 汇川 明天下午3点 电话确认样品测试进度";
    public override string Group => "提醒";
    public override IReadOnlyList<Param> Params =>
    [
        new("company", ParamKind.Company, "", "", Required: false),
        new("when", ParamKind.Date, "请问什么时候提醒？（例如 明天下午3点、10分钟后、今晚8点、下班前）", "When? (e.g. tomorrow 3pm, in 2 hours, tonight)"),
        new("text", ParamKind.Text, "请问提醒什么内容？", "Remind you of what?"),
    ];

    /// <summary>A time first, or a company and then a time; the rest is what to remind of.</summary>
    public override Dictionary<string, string> Parse(string rest)
    {
        var values = new Dictionary<string, string>();
        if (!ParamParser.TryTake(ParamKind.Date, rest, clock, out var when, out var after))
        {
            var company = Tokens.TakeFirst(rest, out var afterCompany);
            if (company.Length > 0) values["company"] = company;
            if (!ParamParser.TryTake(ParamKind.Date, afterCompany, clock, out when, out after))
            {
                // No readable time: the next word stands as the time, so the runner says it is unreadable and asks.
                var word = Tokens.TakeFirst(afterCompany, out after);
                if (word.Length > 0) values["when"] = word;
            }
        }
        if (when is not null) values["when"] = when.Raw;
        if (after.Length > 0) values["text"] = after;
        return values;
    }

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var customer = v.Get("company") is null ? null : v.Customer("company");
        var due = v.Date("when")!.Value;
        var r = reminders.Add(ctx.Actor, customer, due, v.Text("text"));
        return Say(ctx.L($"⏰ 好的，{due.Describe()} 提醒你：{r.Text}" + (customer is null ? "" : $"（{customer.Company}）") + $"。编号 {r.Id}，取消请发送：取消提醒 {r.Id}",
                         $"⏰ OK, reminder {r.Id} at {BusinessTime.DescribeEnglish(due.Utc, due.DateOnly)}."));
    }
}

/// <summary>我的提醒 — pending ad-hoc reminders.</summary>
public sealed class MyRemindersCommand(AdHocReminders reminders) : Command
{
    public override string Name => "我的提醒";
    public override IReadOnlyList<string> Aliases => ["my reminders", "reminders"];
    public override string Usage => "我的提醒";
    public override string UsageEn => "my reminders";
    public override string Summary => "还没到时间的提醒";
    public override string SummaryEn => "your pending reminders";
    public override string Example => "我的提醒";
    public override string Group => "提醒";

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var list = reminders.PendingOf(ctx.User);
        if (list.Count == 0) return Say(ctx.L("没有待发的提醒。", "No pending reminders."));
        var card = new Card { Title = ctx.L($"我的提醒（{list.Count}）", $"My reminders ({list.Count})") };
        foreach (var r in list)
        {
            card.Lines.Add($"{r.Id}. {BusinessTime.Describe(r.DueAt, r.DateOnly)} {r.Text}" + (r.CustomerName is null ? "" : $"（{r.CustomerName}）"));
            if (card.Actions.Count < 5) card.Actions.Add(CardAction.Command($"取消 {r.Id}", $"取消提醒 {r.Id}"));
        }
        return Say(Reply.WithCard(Cards.ToText(card), card));
    }
}

/// <summary>取消提醒 &lt;编号&gt;</summary>
public sealed class CancelReminderCommand(AdHocReminders reminders) : Command
{
    public override string Name => "取消提醒";
    public override IReadOnlyList<string> Aliases => ["cancel reminder"];
    public override string Usage => "取消提醒 <编号>";
    public override string UsageEn => "cancel reminder <id>";
    public override string Summary => "取消一个提醒";
    public override string SummaryEn => "cancel a reminder";
    public override string Example => "取消提醒 3";
    public override string Group => "提醒";
    public override IReadOnlyList<Param> Params => [new("id", ParamKind.Text, "请问取消哪个提醒？（发送“我的提醒”查看编号）", "Which reminder?")];

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        if (!int.TryParse(v.Text("id").Trim().TrimStart('#'), out var id)) throw new CrmException("提醒编号是数字，发送“我的提醒”查看。", "The id is a number.");
        var r = reminders.Cancel(ctx.Actor, id);
        return Say(ctx.L($"已取消提醒 {r.Id}：{r.Text}", $"Reminder {r.Id} cancelled."));
    }
}

/// <summary>转给 &lt;公司&gt; &lt;同事&gt; — a manager reassigns a customer (also the button on reminders and escalations).</summary>
public sealed class ReassignCommand(PoolService pool, UserDirectory users) : Command
{
    public override string Name => "转给";
    public override IReadOnlyList<string> Aliases => ["reassign", "assign"];
    public override string Usage => "转给 <公司> <同事>";
    public override string UsageEn => "reassign <company> <colleague>";
    public override string Summary => "主管把客户转给本部门的同事";
    public override string SummaryEn => "a manager gives a customer to a colleague";
    public override string Example => "转给 汇川 孙七";
    public override bool IsFor(User user) => user.Role is Role.Manager or Role.Admin or Role.GeneralManager;
    public override IReadOnlyList<Param> Params =>
    [
        new("company", ParamKind.Company, "请问转哪家客户？", "Which customer?"),
        new("to", ParamKind.Text, "转给哪位同事？", "To whom?"),
    ];

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var to = users.Find(v.Text("to")) ?? throw new CrmException($"没有同事“{v.Text("to")}”。", $"No colleague '{v.Text("to")}'.");
        var c = pool.Assign(ctx.Actor, v.Customer("company").Id, to.Id);
        return Say(ctx.L($"✅ 已把 {c.Company} 转给 {to.Name}。", $"✅ {c.Company} now belongs to {to.Name}."));
    }
}

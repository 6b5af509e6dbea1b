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
public sealed class RemindCommand(AdHocReminders reminders) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("remind", "提醒")
    {
        Aliases = ["remind", "提醒我"],
        Group = CommandGroups.Reminders,
        Params =
        [
            new("company", ParamKind.Company, "公司", "company") { Required = false },
            new("when", ParamKind.Date, "时间", "time", "请问什么时候提醒？（例如 明天下午3点、10分钟后、今晚8点、下班前）", "When? (e.g. tomorrow 3pm, in 2 hours, tonight)"),
            new("text", ParamKind.Text, "内容", "text", "请问提醒什么内容？", "Remind you of what?"),
        ],
        Summary = "到时间提醒我（可关联客户）", SummaryEn = "remind me at a time",
        Example = "提醒 汇川 明天下午3点 电话确认样品测试进度",
        Notes = "ad-hoc reminders (`提醒 10分钟后 …`, `提醒 汇川 今晚8点 …`; follow-up plans remind on their own)",
    };

    /// <summary>A time first, or a company and then a time; the rest is what to remind of.</summary>
    public override Dictionary<string, string> Parse(string rest, IReadOnlyList<Param> parameters, TimeProvider clock)
    {
        var values = new Dictionary<string, string>();
        if (!ParamParser.TryTake(ParamKind.Date, rest, clock, out var when, out var after))
        {
            var company = Tokenizer.TakeFirst(rest, out var afterCompany);
            if (company.Length > 0) values["company"] = company;
            if (!ParamParser.TryTake(ParamKind.Date, afterCompany, clock, out when, out after))
            {
                // No readable time: the next word stands as the time, so the runner says it is unreadable and asks.
                var word = Tokenizer.TakeFirst(afterCompany, out after);
                if (word.Length > 0) values["when"] = word;
            }
        }
        if (when is not null) values["when"] = when.Raw;
        if (after.Length > 0) values["text"] = after;
        return values;
    }

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var customer = v.OptionalCustomer("company");
        var due = v.Date("when")!.Value;
        var r = reminders.Add(ctx.Actor, customer, due, v.Text("text"));
        return ctx.L($"⏰ 好的，{due.Describe()} 提醒你：{r.Text}" + (customer is null ? "" : $"（{customer.Company}）") + $"。编号 {r.Id}，取消请发送：{ctx.Cmd<CancelReminderCommand>($"{r.Id}")}",
                     $"⏰ OK, reminder {r.Id} at {BusinessTime.DescribeEnglish(due.Utc, due.DateOnly)}.");
    }
}

/// <summary>我的提醒 — pending ad-hoc reminders.</summary>
public sealed class MyRemindersCommand(AdHocReminders reminders) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("my-reminders", "我的提醒")
    {
        Aliases = ["my reminders", "reminders"],
        Group = CommandGroups.Reminders,
        Summary = "还没到时间的提醒", SummaryEn = "your pending reminders",
        Example = "我的提醒",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var list = reminders.PendingOf(ctx.User);
        if (list.Count == 0) return ctx.L("没有待发的提醒。", "No pending reminders.");
        var card = new Card { Title = ctx.L($"我的提醒（{list.Count}）", $"My reminders ({list.Count})") };
        foreach (var r in list)
        {
            card.Lines.Add($"{r.Id}. {BusinessTime.Describe(r.DueAt, r.DateOnly)} {r.Text}" + (r.CustomerName is null ? "" : $"（{r.CustomerName}）"));
            if (card.Actions.Count < 5) card.Actions.Add(CardAction.Run($"取消 {r.Id}", new(ActionKind.CancelReminder) { Text = $"{r.Id}" }));
        }
        return Reply.WithCard(Cards.ToText(card), card);
    }
}

/// <summary>取消提醒 &lt;编号&gt;</summary>
public sealed class CancelReminderCommand(AdHocReminders reminders) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("cancel-reminder", "取消提醒")
    {
        Aliases = ["cancel reminder"],
        Group = CommandGroups.Reminders,
        Params = [new("id", ParamKind.Code, "编号", "id", "请问取消哪个提醒？（发送“我的提醒”查看编号）", "Which reminder?")],
        Summary = "取消一个提醒", SummaryEn = "cancel a reminder",
        Example = "取消提醒 3",
        Serves = ActionKind.CancelReminder,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var r = reminders.Cancel(ctx.Actor, v.Code("id")!.Value.Number);
        return ctx.L($"已取消提醒 {r.Id}：{r.Text}", $"Reminder {r.Id} cancelled.");
    }
}

/// <summary>转给 &lt;公司&gt; &lt;同事&gt; — a manager reassigns a customer (also the button on reminders and escalations).</summary>
public sealed class ReassignCommand(PoolService pool, UserDirectory users) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("reassign", "转给")
    {
        Aliases = ["reassign", "assign"],
        Who = Who.Managers,
        Params =
        [
            new("company", ParamKind.Company, "公司", "company", "请问转哪家客户？", "Which customer?"),
            new("to", ParamKind.Text, "同事", "colleague", "转给哪位同事？", "To whom?"),
        ],
        Summary = "主管把客户转给本部门的同事", SummaryEn = "a manager gives a customer to a colleague",
        Example = "转给 汇川 孙七",
        Notes = "managers reassign a customer (also a button on reminders and escalations)",
        Serves = ActionKind.Reassign,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var to = users.Find(v.Text("to")) ?? throw new CrmException($"没有同事“{v.Text("to")}”。", $"No colleague '{v.Text("to")}'.");
        var c = pool.Assign(ctx.Actor, v.Customer("company").Id, to.Id);
        return ctx.L($"✅ 已把 {c.Company} 转给 {to.Name}。", $"✅ {c.Company} now belongs to {to.Name}.");
    }
}

using System.Text.RegularExpressions;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Security;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Commands;

/// <summary>
/// 跟进 &lt;公司&gt; &lt;内容&gt; [下次 &lt;日期&gt;] — logs a follow-up and the next follow-up date. The next date may also
/// close the note without 下次 ("电话沟通，下周三再联系"); the note keeps those words.
/// </summary>
public sealed partial class FollowUpCommand(CustomerService customers) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("followup", "跟进")
    {
        Aliases = ["followup", "follow-up", "follow up", "fu", "记跟进", "写跟进"],
        Who = Who.CustomerWorkers,
        Params =
        [
            new("company", ParamKind.Company, "公司", "company", "请问跟进的是哪家客户？", "Which customer?"),
            new("note", ParamKind.Text, "内容", "note", "请输入跟进内容（可以在末尾加“下次 下周三”）：", "What happened? (you may end with \"next <date>\")"),
            new("next", ParamKind.Date, "日期", "date", "请输入下次跟进日期：", "When is the next follow-up?") { Required = false, Marker = "下次", MarkerEn = "next" },
        ],
        Summary = "记录跟进，并安排下次跟进", SummaryEn = "log a follow-up and the next date",
        Example = "跟进 汇川 拜访王工，确认新项目用量 下次 下周三",
        Notes = "log a follow-up; a note ending in `下周三再联系` / `月底前回复` / `过两天再跟进` sets the next date too; the reply states the resolved date and weekday",
        Serves = ActionKind.LogFollowUp,
    };

    /// <summary>The company first; the next date after the last 下次 / next, or closing the note (下周三再联系).</summary>
    public override Dictionary<string, string> Parse(string rest, IReadOnlyList<Param> parameters, TimeProvider clock)
    {
        var values = new Dictionary<string, string>();
        var company = Tokenizer.TakeFirst(rest, out rest);
        if (company.Length > 0) values["company"] = company;
        var (note, next) = SplitNext(rest);
        if (next is null && NextDatePhrase.TryFind(note, clock, out var phrase, out _)) next = phrase;
        if (note.Length > 0) values["note"] = note;
        if (next is not null) values["next"] = next;
        return values;
    }

    /// <summary>Splits "内容 下次 下周三" at the last 下次 / 下次跟进 / next.</summary>
    internal static (string Note, string? Next) SplitNext(string text)
    {
        var matches = NextMarker().Matches(text);
        if (matches.Count == 0) return (text.Trim(), null);
        var m = matches[^1];
        var next = text[(m.Index + m.Length)..].Trim().TrimStart('：', ':').Trim();
        var note = text[..m.Index].Trim().TrimEnd('，', ',', '。', '；', ';').Trim();
        return (note, next.Length > 0 ? next : null);
    }

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var c = v.Customer("company");
        var next = v.Date("next");
        var (f, updated) = customers.LogFollowUp(ctx.Actor, c.Id, v.Text("note"), kind: null, next);
        var text = ctx.L($"✅ 已记录跟进：{c.Company}（{f.Kind.Chinese()}）\n内容：{f.Note}",
                         $"✅ Follow-up logged: {c.Company} ({f.Kind})\nNote: {f.Note}");
        Card? card = null;
        if (next is ResolvedDate d)
            text += ctx.L($"\n下次跟进：{d.Describe()}", $"\nNext follow-up: {BusinessTime.DescribeEnglish(d.Utc, d.DateOnly)}");
        else if (updated.NextFollowUpAt is DateTime due)
            text += ctx.L($"\n下次跟进仍为：{BusinessTime.Describe(due, updated.NextFollowUpDateOnly)}",
                          $"\nNext follow-up stays: {BusinessTime.DescribeEnglish(due, updated.NextFollowUpDateOnly)}");
        else
        {
            text += ctx.L($"\n还没有安排下次跟进，点下面的按钮或发送“{ctx.Cmd<RescheduleCommand>(c.Company)} 下周三”。",
                          $"\nNo next follow-up yet: tap a button below or send \"{ctx.Cmd<RescheduleCommand>(c.Company)} next wed\".");
            card = new Card { Title = ctx.L("安排下次跟进", "Plan the next follow-up") };
            foreach (var (zh, en) in new[] { ("明天", "Tomorrow"), ("3天后", "In 3 days"), ("下周一", "Next Monday"), ("两周后", "In 2 weeks") })
                card.Actions.Add(CardAction.Run(ctx.L(zh, en), CommandIntent.OfCustomer(ActionKind.PlanFollowUp, c.Id, zh)));
        }
        return new Reply { Text = text, Card = card };
    }

    [GeneratedRegex(@"(下次跟进|下次|(?<![A-Za-z])next(?![A-Za-z]))\s*[:：]?", RegexOptions.IgnoreCase)]
    private static partial Regex NextMarker();
}

/// <summary>下次跟进 &lt;公司&gt; &lt;日期&gt; — moves the next follow-up without logging one (推迟).</summary>
public sealed class RescheduleCommand(CustomerService customers) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("next", "下次跟进")
    {
        Aliases = ["next", "下次", "推迟", "改期", "reschedule"],
        Who = Who.CustomerWorkers,
        Params =
        [
            new("company", ParamKind.Company, "公司", "company", "请问是哪家客户？", "Which customer?"),
            new("date", ParamKind.Date, "日期", "date", "请输入下次跟进日期：", "When is the next follow-up?"),
        ],
        Summary = "安排或推迟下次跟进", SummaryEn = "plan or move the next follow-up",
        Example = "下次跟进 汇川 12月5日 14:00",
        Notes = "plan or move the next follow-up (also `下次 …`); a day that just passed is asked about (“12月7日已经过了，是指明年 12月7日 吗？” — 是 / 否)",
        Serves = ActionKind.PlanFollowUp,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var c = v.Customer("company");
        var d = v.Date("date")!.Value;
        customers.Reschedule(ctx.Actor, c.Id, d);
        return ctx.L($"✅ {c.Company} 下次跟进：{d.Describe()}", $"✅ {c.Company}: next follow-up {BusinessTime.DescribeEnglish(d.Utc, d.DateOnly)}");
    }
}

using System.Text.RegularExpressions;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Commands;

/// <summary>
/// 跟进 &lt;公司&gt; &lt;内容&gt; [下次 &lt;日期&gt;] — logs a follow-up and the next follow-up date. The next date may also
/// close the note without 下次 ("电话沟通，下周三再联系"); the note keeps those words.
/// </summary>
public sealed partial class FollowUpCommand(CustomerService customers, TimeProvider clock) : Command
{
    public override string Name => "跟进";
    public override IReadOnlyList<string> Aliases => ["followup", "follow-up", "follow up", "fu", "记跟进", "写跟进"];
    public override string Usage => "跟进 <公司> <内容> [下次 <日期>]";
    public override string UsageEn => "followup <company> <note> [next <date>]";
    public override string Summary => "记录跟进，并安排下次跟进";
    public override string SummaryEn => "log a follow-up and the next date";
    public override string Example => "跟进 汇川 拜访王工，确认新项目用量 下次 下周三";
    public override bool IsFor(User user) => Access.WorksCustomers(user);

    public override IReadOnlyList<Param> Params =>
    [
        new("company", ParamKind.Company, "请问跟进的是哪家客户？", "Which customer?"),
        new("note", ParamKind.Text, "请输入跟进内容（可以在末尾加“下次 下周三”）：", "What happened? (you may end with \"next <date>\")"),
        new("next", ParamKind.Date, "请输入下次跟进日期：", "When is the next follow-up?", Required: false),
    ];

    public override Dictionary<string, string> Parse(string rest)
    {
        var values = new Dictionary<string, string>();
        var company = Tokens.TakeFirst(rest, out rest);
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

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
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
            text += ctx.L("\n还没有安排下次跟进，点下面的按钮或发送“下次跟进 " + c.Company + " 下周三”。",
                          "\nNo next follow-up yet: tap a button below or send \"next " + c.Company + " next wed\".");
            card = new Card { Title = ctx.L("安排下次跟进", "Plan the next follow-up") };
            foreach (var (zh, en, expr) in new[] { ("明天", "Tomorrow", "明天"), ("3天后", "In 3 days", "3天后"), ("下周一", "Next Monday", "下周一"), ("两周后", "In 2 weeks", "两周后") })
                card.Actions.Add(CardAction.Command(ctx.L(zh, en), $"下次跟进 #{c.Id} {expr}"));
        }
        return Task.FromResult<IReadOnlyList<Reply>>([new Reply { Text = text, Card = card }]);
    }

    [GeneratedRegex(@"(下次跟进|下次|(?<![A-Za-z])next(?![A-Za-z]))\s*[:：]?", RegexOptions.IgnoreCase)]
    private static partial Regex NextMarker();
}

/// <summary>下次跟进 &lt;公司&gt; &lt;日期&gt; — moves the next follow-up without logging one (推迟).</summary>
public sealed class RescheduleCommand(CustomerService customers) : Command
{
    public override string Name => "下次跟进";
    public override IReadOnlyList<string> Aliases => ["next", "下次", "推迟", "改期", "reschedule"];
    public override string Usage => "下次跟进 <公司> <日期>";
    public override string UsageEn => "next <company> <date>";
    public override string Summary => "安排或推迟下次跟进";
    public override string SummaryEn => "plan or move the next follow-up";
    public override string Example => "下次跟进 汇川 12月5日 14:00";
    public override bool IsFor(User user) => Access.WorksCustomers(user);

    public override IReadOnlyList<Param> Params =>
    [
        new("company", ParamKind.Company, "请问是哪家客户？", "Which customer?"),
        new("date", ParamKind.Date, "请输入下次跟进日期：", "When is the next follow-up?"),
    ];

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var c = v.Customer("company");
        var d = v.Date("date")!.Value;
        customers.Reschedule(ctx.Actor, c.Id, d);
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.Of(ctx.L(
            $"✅ {c.Company} 下次跟进：{d.Describe()}",
            $"✅ {c.Company}: next follow-up {BusinessTime.DescribeEnglish(d.Utc, d.DateOnly)}"))]);
    }
}

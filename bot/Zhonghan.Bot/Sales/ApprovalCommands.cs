using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

/// <summary>同意 / 驳回 typed instead of pressed (channels without cards): decides the step, and the card's buttons stop working.</summary>
public abstract class DecideCommand(QuoteApprovals quotes, QuoteService quoteStore, SampleService samples, ActionTokens tokens) : Command
{
    protected abstract bool Approve { get; }

    protected static CommandSpec Decide(string id, string word, string[] aliases, Param comment) => new(id, word)
    {
        Aliases = aliases,
        Group = CommandGroups.Approvals,
        Who = Who.Managers,
        Params = [new("no", ParamKind.Code, "报价单号|申样单号", "Q12|S3", $"请问{word}哪张单据？（例如 Q12）", "Which document? (e.g. Q12)"), comment],
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var no = v.Code("no")!.Value;
        var comment = v.Get("comment");
        var outcome = $"已{(Approve ? "同意" : "驳回")} · {ctx.User.Name}";
        if (no.Kind == CodeKind.Sample)
        {
            var s = samples.Decide(ctx.Actor, no.Number, Approve, comment);
            if (s.Steps.LastOrDefault(x => x.DecidedById == ctx.User.Id)?.CardGroup is { } g) tokens.UseGroup(g, ctx.User.Id, outcome);
            return $"✅ 申样单 {s.No} {outcome}。";
        }
        var quoteNo = CodeParser.Parse(no.ToString(), CodeKind.Quote).OrThrow().Number;
        var group = quoteStore.Get(quoteNo)?.CurrentStep?.CardGroup;
        var q = quotes.Decide(ctx.Actor, quoteNo, Approve, comment);
        if (group is not null) tokens.UseGroup(group, ctx.User.Id, outcome);
        var next = q.Status == QuoteStatus.PendingApproval ? $"，已转 {q.CurrentStep!.Role.Chinese()} 审批" : $"，报价{Quote.Chinese(q.Status)}";
        return $"✅ 报价 {q.No} {outcome}{next}。";
    }
}

public sealed class ApproveCommand(QuoteApprovals q, QuoteService qs, SampleService s, ActionTokens t) : DecideCommand(q, qs, s, t), ICommand
{
    public static CommandSpec Spec { get; } = Decide("approve", "同意", ["approve", "批准"],
        new("comment", ParamKind.Text, "意见", "comment") { Required = false }) with
    {
        Summary = "审批通过（也可以直接按卡片上的按钮）", SummaryEn = "approve (or press the card's button)",
        Example = "同意 Q12",
        Notes = "approvals (or the card's buttons)",
        Serves = ActionKind.Approve,
    };

    protected override bool Approve => true;
}

public sealed class RejectCommand(QuoteApprovals q, QuoteService qs, SampleService s, ActionTokens t) : DecideCommand(q, qs, s, t), ICommand
{
    public static CommandSpec Spec { get; } = Decide("reject", "驳回", ["reject"],
        new("comment", ParamKind.Text, "意见", "comment", "请写驳回意见：", "Why?")) with
    {
        Summary = "审批驳回（需写意见）", SummaryEn = "reject with a comment",
        Example = "驳回 Q12 低于底价，请重新议价",
        Notes = "a rejection, with a comment",
    };

    protected override bool Approve => false;
}

/// <summary>The comment after pressing 驳回 on a card (asked for by the dialog; not listed in help).</summary>
public sealed class RejectCommentCommand(QuoteApprovals quotes) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("reject-comment", "驳回意见")
    {
        Group = CommandGroups.Approvals,
        Hidden = true,
        Params =
        [
            new("quote", ParamKind.Code, "", "") { Required = false, Hidden = true, Code = CodeKind.Quote },
            new("comment", ParamKind.Text, "意见", "comment", "请写驳回意见：", "Your comment?"),
        ],
        Summary = "补充驳回意见", SummaryEn = "add a rejection comment",
        Example = "驳回意见 价格低于底价",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        if (v.Code("quote") is not { } quote)
            return ctx.L($"现在没有需要补充意见的驳回。要驳回请用：{CommandText.Zh<RejectCommand>("<单号> <意见>")}", "There is no rejection waiting for a comment.");
        var q = quotes.AddComment(ctx.Actor, quote.Number, v.Text("comment"));
        return ctx.L($"✅ 驳回意见已转告销售和询价助理（报价 {q.No}）。", $"✅ Comment sent ({q.No}).");
    }
}

/// <summary>待审批 — quotes and sample requests waiting for me.</summary>
public sealed class PendingApprovalsCommand(QuoteApprovals quotes, SampleService samples, OpportunityService opportunities) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("pending", "待审批")
    {
        Aliases = ["pending", "approvals", "审批"],
        Group = CommandGroups.Approvals,
        Who = Who.Managers,
        Summary = "等我审批的报价和申样", SummaryEn = "what waits for your approval",
        Example = "待审批",
        Notes = "what waits for you",
        Serves = ActionKind.PendingApprovals,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var qs = quotes.PendingFor(ctx.User);
        var ss = samples.PendingFor(ctx.User);
        if (qs.Count + ss.Count == 0) return ctx.L("没有等你审批的单据。👍", "Nothing waits for you. 👍");
        var card = new Card { Title = ctx.L($"待审批（{qs.Count + ss.Count}）", $"Pending ({qs.Count + ss.Count})") };
        foreach (var q in qs)
        {
            var o = opportunities.Get(q.OpportunityId);
            card.Lines.Add($"{q.No} 第{q.Version}版 · {o?.CustomerName} · {o?.Name} · {QuoteCards.Money(q.Amount)} · {q.RuleName}");
            if (card.Actions.Count < 6)
                card.Actions.Add(CardAction.Run($"同意 {q.No}", CommandIntent.OfDocument(ActionKind.Approve, CodeKind.Quote, q.Id), CardActionStyle.Primary));
        }
        foreach (var s in ss) card.Lines.Add($"{s.No} 申样 · {s.Mpn} × {s.Quantity:#,0}");
        card.Lines.Add(ctx.L($"驳回请发送：{CommandText.Zh<RejectCommand>("<单号> <意见>")}", "To reject: reject <no> <comment>"));
        return Reply.WithCard(Cards.ToText(card), card);
    }
}

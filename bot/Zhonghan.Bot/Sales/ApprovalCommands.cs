using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

/// <summary>同意 / 驳回 typed instead of pressed (channels without cards): decides the step, and the card's buttons stop working.</summary>
public abstract class DecideCommand(IServiceProvider sp, QuoteApprovals quotes, QuoteService quoteStore, SampleService samples, ActionTokens tokens) : SalesCommand(sp)
{
    protected abstract bool Approve { get; }
    public override bool IsFor(User user) => user.Role is Role.Manager or Role.GeneralManager or Role.Admin;
    public override string Group => "审批";

    protected override async Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var no = v.Text("no").Trim();
        var comment = v.Get("comment");
        var outcome = $"已{(Approve ? "同意" : "驳回")} · {ctx.User.Name}";
        if (no.StartsWith('S') || no.StartsWith('s'))
        {
            var s = samples.Decide(ctx.Actor, SalesText.Number(no, CodeKind.Sample), Approve, comment);
            if (s.Steps.LastOrDefault(x => x.DecidedById == ctx.User.Id)?.CardGroup is { } g) tokens.UseGroup(g, ctx.User.Id, outcome);
            return [Reply.Of($"✅ 申样单 {s.No} {outcome}。")];
        }
        var before = quoteStore.Get(SalesText.Number(no, CodeKind.Quote));
        var group = before?.CurrentStep?.CardGroup;
        var q = quotes.Decide(ctx.Actor, SalesText.Number(no, CodeKind.Quote), Approve, comment);
        if (group is not null) tokens.UseGroup(group, ctx.User.Id, outcome);
        var next = q.Status == QuoteStatus.PendingApproval ? $"，已转 {q.CurrentStep!.Role.Chinese()} 审批" : $"，报价{Quote.Chinese(q.Status)}";
        return [Reply.Of($"✅ 报价 {q.No} {outcome}{next}。")];
    }
}

public sealed class ApproveCommand(IServiceProvider sp, QuoteApprovals q, QuoteService qs, SampleService s, ActionTokens t) : DecideCommand(sp, q, qs, s, t)
{
    protected override bool Approve => true;
    public override string Name => "同意";
    public override IReadOnlyList<string> Aliases => ["approve", "批准"];
    public override string Usage => "同意 <报价单号|申样单号> [意见]";
    public override string UsageEn => "approve <Q12|S3> [comment]";
    public override string Summary => "审批通过（也可以直接按卡片上的按钮）";
    public override string SummaryEn => "approve (or press the card's button)";
    public override string Example => "同意 Q12";
    public override IReadOnlyList<Param> Params => [new("no", ParamKind.Text, "请问同意哪张单据？（例如 Q12）", "Which document? (e.g. Q12)"), new("comment", ParamKind.Text, "", "", Required: false)];
}

public sealed class RejectCommand(IServiceProvider sp, QuoteApprovals q, QuoteService qs, SampleService s, ActionTokens t) : DecideCommand(sp, q, qs, s, t)
{
    protected override bool Approve => false;
    public override string Name => "驳回";
    public override IReadOnlyList<string> Aliases => ["reject"];
    public override string Usage => "驳回 <报价单号|申样单号> <意见>";
    public override string UsageEn => "reject <Q12|S3> <comment>";
    public override string Summary => "审批驳回（需写意见）";
    public override string SummaryEn => "reject with a comment";
    public override string Example => "驳回 Q12 低于底价，请重新议价";
    public override IReadOnlyList<Param> Params => [new("no", ParamKind.Text, "请问驳回哪张单据？（例如 Q12）", "Which document?"), new("comment", ParamKind.Text, "请写驳回意见：", "Why?")];
}

/// <summary>The comment after pressing 驳回 on a card (asked for by the dialog; not listed in help).</summary>
public sealed class RejectCommentCommand(IServiceProvider sp, QuoteApprovals quotes) : SalesCommand(sp)
{
    public override string Name => "驳回意见";
    public override IReadOnlyList<string> Aliases => [];
    public override string Usage => "驳回意见 <意见>";
    public override string UsageEn => "(reject comment)";
    public override string Summary => "补充驳回意见";
    public override string SummaryEn => "add a rejection comment";
    public override string Example => "驳回意见 价格低于底价";
    public override bool Hidden => true;
    public override IReadOnlyList<Param> Params => [new("comment", ParamKind.Text, "请写驳回意见：", "Your comment?")];

    protected override async Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        if (v.Get("quote") is not { } id || !int.TryParse(id, out var quoteId))
            return [Reply.Of(ctx.L("现在没有需要补充意见的驳回。要驳回请用：驳回 <单号> <意见>", "There is no rejection waiting for a comment."))];
        var q = quotes.AddComment(ctx.Actor, quoteId, v.Text("comment"));
        return [Reply.Of(ctx.L($"✅ 驳回意见已转告销售和询价助理（报价 {q.No}）。", $"✅ Comment sent ({q.No})."))];
    }
}

/// <summary>待审批 — quotes and sample requests waiting for me.</summary>
public sealed class PendingApprovalsCommand(IServiceProvider sp, QuoteApprovals quotes, SampleService samples, OpportunityService opportunities) : SalesCommand(sp)
{
    public override string Name => "待审批";
    public override IReadOnlyList<string> Aliases => ["pending", "approvals", "审批"];
    public override string Usage => "待审批";
    public override string UsageEn => "pending";
    public override string Summary => "等我审批的报价和申样";
    public override string SummaryEn => "what waits for your approval";
    public override string Example => "待审批";
    public override string Group => "审批";
    public override bool IsFor(User user) => user.Role is Role.Manager or Role.GeneralManager or Role.Admin;

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var qs = quotes.PendingFor(ctx.User);
        var ss = samples.PendingFor(ctx.User);
        if (qs.Count + ss.Count == 0) return Say(ctx.L("没有等你审批的单据。👍", "Nothing waits for you. 👍"));
        var card = new Card { Title = ctx.L($"待审批（{qs.Count + ss.Count}）", $"Pending ({qs.Count + ss.Count})") };
        foreach (var q in qs)
        {
            var o = opportunities.Get(q.OpportunityId);
            card.Lines.Add($"{q.No} 第{q.Version}版 · {o?.CustomerName} · {o?.Name} · {QuoteCards.Money(q.Amount)} · {q.RuleName}");
            if (card.Actions.Count < 6) card.Actions.Add(CardAction.Command($"同意 {q.No}", $"同意 {q.No}", CardActionStyle.Primary));
        }
        foreach (var s in ss) card.Lines.Add($"{s.No} 申样 · {s.Mpn} × {s.Quantity:#,0}");
        card.Lines.Add(ctx.L("驳回请发送：驳回 <单号> <意见>", "To reject: reject <no> <comment>"));
        return Say(Reply.WithCard(Cards.ToText(card), card));
    }
}

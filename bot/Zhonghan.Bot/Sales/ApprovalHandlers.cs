using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

/// <summary>
/// The 同意 / 驳回 buttons of a quote approval card. Either decides the step at once (the card shows the outcome);
/// after 驳回 the bot asks for the comment (the dialog continues with 驳回意见) and passes it on when it comes.
/// </summary>
public sealed class QuoteDecisionHandler(QuoteApprovals approvals, QuoteService quotes) : IActionHandler
{
    public string Kind => QuoteApprovals.DecideKind;

    public async Task<ActionOutcome> HandleAsync(TurnContext ctx, ActionToken token, CancellationToken ct)
    {
        var id = int.Parse(token.Data["quote"]);
        var approve = token.Data["decision"] == "approve";
        var q = quotes.Get(id);
        if (q is null || q.Status != QuoteStatus.PendingApproval || q.Steps.IndexOf(q.CurrentStep!).ToString() != token.Data["step"])
        {
            var state = q is null ? "已不存在" : $"已{Quote.Chinese(q.Status)}";
            return new ActionOutcome { Outcome = $"报价{state}", Replies = [Reply.Of($"这张报价{state}，无需再审批。")] };
        }
        q = approvals.Decide(ctx.Actor, id, approve, null, token.Group);
        var outcome = $"已{(approve ? "同意" : "驳回")} · {ctx.User.Name}";
        var updated = new Reply
        {
            UpdatesCard = true,
            Text = approve
                ? $"✅ 报价 {q.No} {outcome}" + (q.Status == QuoteStatus.PendingApproval ? $"，已转{q.CurrentStep!.Role.Chinese()}审批。" : "，已通知销售和询价助理。")
                : $"报价 {q.No} {outcome}。",
            Card = new Card { Title = $"报价审批 {q.No} v{q.Version}", Fields = [new("金额", QuoteCards.Money(q.Amount))], Outcome = outcome },
        };
        if (approve) return new ActionOutcome { Outcome = outcome, Replies = [updated] };
        return new ActionOutcome
        {
            Outcome = outcome,
            Replies = [updated, Reply.Of("请补充驳回意见，我会转告销售和询价助理（发送“取消”跳过）：")],
            Ask = Continuation.Of<RejectCommentCommand>("comment", new Dictionary<string, string> { ["quote"] = q.No }),
        };
    }
}

/// <summary>The 同意 / 驳回 buttons of a sample approval card.</summary>
public sealed class SampleDecisionHandler(SampleService samples) : IActionHandler
{
    public string Kind => SampleService.DecideKind;

    public async Task<ActionOutcome> HandleAsync(TurnContext ctx, ActionToken token, CancellationToken ct)
    {
        var id = int.Parse(token.Data["sample"]);
        var approve = token.Data["decision"] == "approve";
        var s = samples.Get(id);
        if (s is null || s.Status != SampleStatus.PendingApproval)
            return new ActionOutcome { Outcome = "已处理", Replies = [Reply.Of("这张申样单已经处理过了。")] };
        s = samples.Decide(ctx.Actor, id, approve, null, token.Group);
        var outcome = $"已{(approve ? "同意" : "驳回")} · {ctx.User.Name}";
        return new ActionOutcome
        {
            Outcome = outcome,
            Replies = [new Reply { UpdatesCard = true, Text = $"申样单 {s.No} {outcome}。", Card = new Card { Title = $"申样审批 {s.No}", Outcome = outcome } }],
        };
    }
}

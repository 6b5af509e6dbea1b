using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Reminders;
using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Sales;

/// <summary>
/// 报价: assembles a new quote version from the parts and the latest prices, routes it for approval, sends each
/// approver a card (同意 / 驳回), and tells rep and assistant the outcome with the quotation. A change after approval
/// means a new version, approved again.
/// </summary>
public sealed class QuoteApprovals(
    ISalesStore store, QuoteService quotes, OpportunityService opportunities, ApprovalRouting routing, ActionTokens tokens,
    CustomerService customers, UserDirectory users, DeliveryQueue deliveries, ICommandWords words, AuditLog audit, TimeProvider clock)
{
    public const string DecideKind = "quote.decide";

    public Quote Assemble(Actor actor, int opportunityId)
    {
        var o = opportunities.GetVisible(actor.User, opportunityId);
        if (!SalesAccess.CanHandle(actor.User, o) || actor.User.Role == Role.Purchasing) throw SalesAccess.NotYours();
        if (!o.Stage.IsOpen()) throw new CrmException($"商机已{o.Stage.Chinese()}，不能再报价。", "The opportunity is closed.");
        if (o.Parts.Count == 0) throw new CrmException($"这个商机还没有物料，请先：{words.Usage(new(ActionKind.AddPart))}。", "Add parts first.");
        var lines = new List<QuoteLine>();
        var missing = new List<string>();
        foreach (var p in o.Parts)
        {
            var price = quotes.Latest(p.Mpn);
            if (price is null) { missing.Add(p.Mpn); continue; }
            lines.Add(new QuoteLine { Mpn = p.Mpn, Quantity = p.AnnualQuantity, UnitPrice = price.UnitPrice, LeadTime = price.LeadTime, Moq = price.Moq, Special = p.Special });
        }
        if (missing.Count > 0)
            throw new CrmException($"还没有价格：{string.Join("、", missing)}。请先求价：{words.Text(new(ActionKind.AskPrices) { Opportunity = o.Id })}", $"No price yet for {string.Join(", ", missing)}; ask purchasing first.");

        var customer = customers.Get(o.CustomerId)!;
        var amount = lines.Sum(l => l.Amount);
        var rule = routing.Match(amount, lines.Count, lines.Any(l => l.Special), customer.Importance);
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = quotes.ForOpportunity(o.Id);
        foreach (var old in previous.Where(q => q.Status is QuoteStatus.Draft or QuoteStatus.PendingApproval or QuoteStatus.Approved))
        {
            old.Status = QuoteStatus.Superseded;
            store.Save(old);
        }
        var quote = new Quote
        {
            OpportunityId = o.Id, CustomerId = o.CustomerId, Version = previous.Count + 1, Lines = lines, Amount = amount,
            RuleName = rule?.Name ?? "无需审批", Steps = routing.Steps(rule, o.DepartmentId), CreatedById = actor.User.Id, CreatedAt = now,
        };
        quote.Status = quote.Steps.Count == 0 ? QuoteStatus.Approved : QuoteStatus.PendingApproval;
        if (quote.Status == QuoteStatus.Approved) quote.DecidedAt = now;
        store.Add(quote);
        audit.Record(actor, "quote.create", $"quote:{quote.Id}", $"报价 {quote.No} v{quote.Version} {QuoteCards.Money(amount)} 规则 {quote.RuleName}");
        if (quote.Status == QuoteStatus.Approved) Announce(quote, o, actor.User);
        else Ask(quote, o);
        return quote;
    }

    /// <summary>
    /// An approver decides the current step; approving the last step approves the quote. A typed rejection needs a
    /// comment; a card's 驳回 button decides at once and the comment may follow (<see cref="AddCommentAsync"/>).
    /// </summary>
    public Quote Decide(Actor actor, int quoteId, bool approve, string? comment, string? cardGroup = null)
    {
        var q = quotes.Get(quoteId) ?? throw new CrmException("没有这张报价单。", "No such quote.");
        if (q.Status != QuoteStatus.PendingApproval)
            throw new CrmException($"报价单 {q.No} 已{Quote.Chinese(q.Status)}，无需再审批。", $"Quote {q.No} is already {q.Status}.");
        var step = q.CurrentStep!;
        if (!step.ApproverIds.Contains(actor.User.Id))
            throw new AccessDeniedException("这一步不归你审批。", "This approval step is not yours.");
        if (!approve && cardGroup is null && string.IsNullOrWhiteSpace(comment))
            throw new CrmException("驳回需要写明意见，例如：驳回 " + q.No + " 价格低于底价。", "A rejection needs a comment.");
        var o = opportunities.Get(q.OpportunityId)!;
        var now = clock.GetUtcNow().UtcDateTime;
        step.Decision = approve;
        step.DecidedById = actor.User.Id;
        step.DecidedAt = now;
        step.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (cardGroup is not null && step.CardGroup != cardGroup) step.CardGroup = cardGroup;
        if (!approve) { q.Status = QuoteStatus.Rejected; q.DecidedAt = now; }
        else if (q.CurrentStep is null) { q.Status = QuoteStatus.Approved; q.DecidedAt = now; }
        store.Save(q);
        audit.Record(actor, approve ? "quote.approve" : "quote.reject", $"quote:{q.Id}",
            $"{(approve ? "同意" : "驳回")} {q.No} v{q.Version}（{step.Role.Chinese()}，{(cardGroup is null ? "文字命令" : "卡片 " + cardGroup)}）{step.Comment}");
        if (q.Status == QuoteStatus.PendingApproval) Ask(q, o);
        else Announce(q, o, actor.User);
        return q;
    }

    /// <summary>The approver adds the comment to their rejection; rep and assistant are told.</summary>
    public Quote AddComment(Actor actor, int quoteId, string comment)
    {
        comment = comment.Trim();
        if (comment.Length == 0) throw new CrmException("意见不能为空。", "The comment is empty.");
        var q = quotes.Get(quoteId) ?? throw new CrmException("没有这张报价单。", "No such quote.");
        var step = q.Steps.LastOrDefault(s => s.DecidedById == actor.User.Id && s.Decision == false)
            ?? throw new CrmException($"你没有驳回过报价 {q.No}。", $"You did not reject {q.No}.");
        step.Comment = comment;
        store.Save(q);
        audit.Record(actor, "quote.comment", $"quote:{q.Id}", $"驳回意见：{comment}");
        var o = opportunities.Get(q.OpportunityId)!;
        foreach (var id in new[] { o.OwnerId, o.AssistantId ?? 0 }.Where(id => id != 0).Distinct())
            if (users.Get(id) is { } u)
                deliveries.Notify(u, Reply.Of($"{actor.User.Name} 对报价 {q.No} 的驳回意见：{comment}"), $"quote-comment-{q.Id}-{u.Id}-{q.Steps.IndexOf(step)}-{StableHash.Of(comment)}");
        return q;
    }

    /// <summary>Quotes waiting for this user's decision.</summary>
    public IReadOnlyList<Quote> PendingFor(User user) =>
        AllPending().Where(q => q.CurrentStep?.ApproverIds.Contains(user.Id) == true).ToList();

    public IReadOnlyList<Quote> AllPending() =>
        store.QuotesWithStatus(QuoteStatus.PendingApproval, 10_000);

    /// <summary>Sends the current step's approvers a card; their buttons are one-shot tokens shared by the step.</summary>
    private void Ask(Quote q, Opportunity o)
    {
        var step = q.CurrentStep!;
        var issued = tokens.Issue(
            [(DecideKind, Data(q, "approve")), (DecideKind, Data(q, "reject"))], step.ApproverIds, TimeSpan.FromDays(30));
        step.CardGroup = issued[0].Group;
        step.AskedAt = clock.GetUtcNow().UtcDateTime;
        store.Save(q);
        var card = QuoteCards.Approval(q, o, users, step, issued);
        foreach (var id in step.ApproverIds)
            if (users.Get(id) is { } approver)
                deliveries.Notify(approver, Reply.WithCard($"请审批报价 {q.No}：{o.CustomerName}「{o.Name}」{QuoteCards.Money(q.Amount)}", card),
                    $"quote-ask-{q.Id}-{q.Steps.IndexOf(step)}-{id}");
    }

    /// <summary>Tells the rep and the assistant the outcome; an approved quote comes with the quotation.</summary>
    private void Announce(Quote q, Opportunity o, User decidedBy)
    {
        Reply reply;
        if (q.Status == QuoteStatus.Approved)
        {
            var how = q.Steps.Count == 0 ? "无需审批" : $"{decidedBy.Name} 已同意";
            reply = Reply.WithCard($"✅ 报价 {q.No}（第 {q.Version} 版）已批准（{how}），报价单如下，可以转发给客户。", QuoteCards.Quotation(q, o, users));
        }
        else
        {
            var step = q.Steps.Last(s => s.Decision == false);
            reply = Reply.Of($"❌ 报价 {q.No}（第 {q.Version} 版）被 {decidedBy.Name} 驳回：{step.Comment ?? "（意见待补充）"}\n修改后重新发送：{words.Text(new(ActionKind.Quote) { Opportunity = o.Id })}");
        }
        var recipients = new[] { o.OwnerId, o.AssistantId ?? 0 }.Where(id => id != 0).Distinct();
        foreach (var id in recipients)
            if (users.Get(id) is { } u)
                deliveries.Notify(u, reply, $"quote-outcome-{q.Id}-{u.Id}");
    }

    private static Dictionary<string, string> Data(Quote q, string decision) =>
        new() { ["quote"] = q.Id.ToString(), ["step"] = q.Steps.IndexOf(q.CurrentStep!).ToString(), ["decision"] = decision };
}

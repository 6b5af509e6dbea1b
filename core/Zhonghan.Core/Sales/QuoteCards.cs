using System.Globalization;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Sales;

/// <summary>How quotes look: the approver's card and the quotation (报价单) the rep forwards.</summary>
public static class QuoteCards
{
    public static string Money(decimal amount) => "¥" + amount.ToString("#,##0.##", CultureInfo.InvariantCulture);

    public static string Line(QuoteLine l) =>
        $"{l.Mpn} × {l.Quantity:#,0} @ {Money(l.UnitPrice)} = {Money(l.Amount)}" +
        (l.LeadTime is null ? "" : $"，交期 {l.LeadTime}") + (l.Moq is long m ? $"，MOQ {m:#,0}" : "") + (l.Special ? "，⚠️特殊物料" : "");

    public static Card Approval(Quote q, Opportunity o, UserDirectory users, ApprovalStep step, IReadOnlyList<ActionToken> tokens)
    {
        var card = new Card
        {
            Title = $"报价审批 {q.No} v{q.Version}",
            Subtitle = $"{o.CustomerName} · {o.Name}",
            Fields =
            [
                new("金额", Money(q.Amount)),
                new("审批规则", $"{q.RuleName}（{step.Role.Chinese()}审批，第 {q.Steps.IndexOf(step) + 1}/{q.Steps.Count} 步）"),
                new("销售", users.Get(o.OwnerId)?.Name ?? "?"),
                new("询价助理", o.AssistantId is int a ? users.Get(a)?.Name ?? "?" : "—"),
            ],
            Lines = q.Lines.Select(Line).ToList(),
        };
        card.Actions.Add(CardAction.Token("同意", tokens[0].Id, CardActionStyle.Primary));
        card.Actions.Add(CardAction.Token("驳回", tokens[1].Id, CardActionStyle.Danger));
        return card;
    }

    public static Card Quotation(Quote q, Opportunity o, UserDirectory users)
    {
        var valid = BusinessTime.Describe(q.CreatedAt.AddDays(q.ValidDays), true);
        var card = new Card
        {
            Title = $"报价单 {q.No}（第 {q.Version} 版）",
            Subtitle = "上海众韩电子 · 报价单",
            Fields =
            [
                new("客户", o.CustomerName),
                new("项目", o.Name),
                new("报价日期", BusinessTime.Describe(q.CreatedAt, true)),
                new("有效期至", valid),
                new("状态", Quote.Chinese(q.Status)),
                new("合计（含税）", Money(q.Amount)),
                new("联系人", users.Get(o.OwnerId)?.Name ?? ""),
            ],
            Lines = q.Lines.Select((l, i) => $"{i + 1}. {Line(l)}").ToList(),
        };
        card.Lines.Add("价格以人民币计，含13%增值税；交期以下单时确认为准。");
        return card;
    }

    /// <summary>The quotation as plain text (for forwarding to the customer).</summary>
    public static string QuotationText(Quote q, Opportunity o, UserDirectory users) => Cards.ToText(Quotation(q, o, users));
}

using Zhonghan.Bot.Commands;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Sales;

/// <summary>The opportunity card: the stage path, what the next stage needs, parts, quotes, samples, tests, orders, registrations.</summary>
public sealed class OpportunityCards(
    UserDirectory users, StageGates gates, QuoteService quotes, SampleService samples, OrderService orders,
    OpportunityService opportunities, SalesOptions options)
{
    public Card Card(Opportunity o, User viewer)
    {
        var card = new Card { Title = $"商机 #{o.Id} {o.Name}", Subtitle = o.CustomerName };
        card.Fields.Add(new("阶段", SalesText.Path(o)));
        card.Fields.Add(new("负责人", users.Get(o.OwnerId)?.Name ?? "?"));
        if (o.AssistantId is int a) card.Fields.Add(new("询价助理", users.Get(a)?.Name ?? "?"));
        var amount = o.ExpectedAmount ?? o.PartsAmount;
        if (amount > 0) card.Fields.Add(new("预计金额", QuoteCards.Money(amount)));
        card.Fields.Add(new("本阶段开始", BusinessTime.Describe(o.StageSince, true)));
        var next = o.Stage.IsOpen() ? gates.Next(o) : null;
        if (next is not null) card.Fields.Add(new("下一阶段", next.Open ? $"{next.Stage.Chinese()}：条件已满足" : $"{next.Stage.Chinese()}：{next.Chinese}"));

        card.Lines.Add("物料：" + (o.Parts.Count == 0 ? $"（暂无，发送 {CommandText.Zh<AddPartCommand>("<商机> <型号> <年用量>")}）" : ""));
        card.Lines.AddRange(o.Parts.Select(p => $"  {p.Mpn} 年用量 {p.AnnualQuantity:#,0}" + (p.TargetPrice is decimal t ? $" 目标价 {QuoteCards.Money(t)}" : "") + (p.Special ? " ⚠️特殊" : "")));
        if (quotes.Latest(o.Id) is { } q)
            card.Lines.Add($"报价：{q.No} 第 {q.Version} 版 {QuoteCards.Money(q.Amount)} · {Quote.Chinese(q.Status)}" + (q.Status == QuoteStatus.PendingApproval ? $"（等待{Waiting(q.CurrentStep!)}）" : ""));
        foreach (var s in samples.ForOpportunity(o.Id))
            card.Lines.Add($"样品：{s.No} {s.Mpn} × {s.Quantity:#,0} · {SampleRequest.Chinese(s.Status)}" + (s.Tracking is null ? "" : $" · 快递 {s.Tracking}"));
        foreach (var t in o.Tests)
            card.Lines.Add($"测试：{(t.Passed ? "通过" : "不通过")} · {t.Feedback} · {BusinessTime.Describe(t.At, true)}");
        foreach (var ord in orders.ForOpportunity(o.Id))
            card.Lines.Add($"订单：{ord.No} {OrderService.KindName(ord.Kind)} {ord.Mpn} × {ord.Quantity:#,0} · 已发 {ord.ShippedQuantity:#,0} · 已开票 {QuoteCards.Money(ord.InvoicedAmount)}");
        foreach (var r in o.Registrations)
            card.Lines.Add($"报备：{r.Manufacturer} · {Registration.Chinese(r.Status)}" + (r.ExpiresAt is DateTime e ? $" · 到期 {BusinessTime.Describe(e, true)}" : "") + (r.BuildLocation is null ? "" : $" · 生产地 {r.BuildLocation}"));
        foreach (var (_, flag) in opportunities.Flags(o, options.RegistrationWarningDays))
            card.Lines.Add(flag);

        if (o.Stage.IsOpen() && SalesAccess.CanWork(viewer, o))
        {
            if (next is { Open: true })
                card.Actions.Add(CardAction.Run($"推进到{next.Stage.Chinese()}", new(ActionKind.Advance) { Opportunity = o.Id, Text = next.Stage.Chinese() }, CardActionStyle.Primary));
            if (o.Stage is Stage.Discovery or Stage.Quote && o.Parts.Count > 0) card.Actions.Add(CardAction.Run("询价", CommandIntent.OfOpportunity(ActionKind.Inquiry, o.Id)));
            card.Actions.Add(CardAction.Run("丢单", CommandIntent.OfOpportunity(ActionKind.Lose, o.Id), CardActionStyle.Danger));
        }
        if (quotes.Latest(o.Id) is { Status: QuoteStatus.Approved }) card.Actions.Add(CardAction.Run("报价单", CommandIntent.OfOpportunity(ActionKind.Quotation, o.Id)));
        return card;
    }

    private string Waiting(ApprovalStep step) =>
        string.Join("/", step.ApproverIds.Select(id => users.Get(id)?.Name ?? "?")) + " " + step.Role.Chinese() + "审批";
}

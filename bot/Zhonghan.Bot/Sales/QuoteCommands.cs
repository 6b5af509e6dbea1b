using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Sales;

/// <summary>询价 &lt;商机&gt; — hands the inquiry to an inquiry assistant, who is told at once.</summary>
public sealed class InquiryCommand(IServiceProvider sp, QuoteService quotes) : SalesCommand(sp)
{
    public override string Name => "询价";
    public override IReadOnlyList<string> Aliases => ["inquiry", "转询价"];
    public override string Usage => "询价 <商机>";
    public override string UsageEn => "inquiry <opportunity>";
    public override string Summary => "把询价交给询价助理（进入询报价）";
    public override string SummaryEn => "hand the inquiry to an inquiry assistant";
    public override string Example => "询价 伺服驱动器";
    public override bool IsFor(User user) => Access.WorksCustomers(user);
    public override IReadOnlyList<Param> Params => [new("opportunity", ParamKind.Opportunity, "请问哪个商机要询价？", "Which opportunity?")];

    protected override async Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var (o, assistant) = quotes.RequestInquiry(ctx.Actor, v.Entity<Opportunity>("opportunity").Id);
        return [Reply.Of(ctx.L($"✅ 已把 {o.CustomerName}「{o.Name}」的询价交给询价助理 {assistant.Name}，并通知了 TA。", $"✅ Handed to {assistant.Name}."))];
    }
}

/// <summary>求价 &lt;商机&gt; — the assistant asks purchasing for prices; purchasing is told.</summary>
public sealed class PriceRequestCommand(IServiceProvider sp, QuoteService quotes) : SalesCommand(sp)
{
    public override string Name => "求价";
    public override IReadOnlyList<string> Aliases => ["ask price", "ask prices"];
    public override string Usage => "求价 <商机>";
    public override string UsageEn => "ask prices <opportunity>";
    public override string Summary => "请采购为商机的物料定价";
    public override string SummaryEn => "ask purchasing to price the parts";
    public override string Example => "求价 伺服驱动器";
    public override bool IsFor(User user) => user.Role is Role.InquiryAssistant or Role.Manager or Role.Admin or Role.Rep or Role.GeneralManager;
    public override IReadOnlyList<Param> Params => [new("opportunity", ParamKind.Opportunity, "请问为哪个商机求价？", "Which opportunity?")];

    protected override async Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var r = quotes.RequestPrices(ctx.Actor, v.Entity<Opportunity>("opportunity").Id);
        return [Reply.Of(ctx.L($"✅ 已请采购为 {r.MpnKeys.Count} 个物料定价，定价后会通知你。", $"✅ Purchasing asked to price {r.MpnKeys.Count} parts."))];
    }
}

/// <summary>定价 &lt;型号&gt; &lt;单价&gt; [交期] [MOQ] — purchasing answers; the assistant is told.</summary>
public sealed class PriceCommand(IServiceProvider sp, QuoteService quotes) : SalesCommand(sp)
{
    public override string Name => "定价";
    public override IReadOnlyList<string> Aliases => ["price"];
    public override string Usage => "定价 <型号> <单价> [交期] [MOQ]";
    public override string UsageEn => "price <mpn> <unit price> [lead time] [moq]";
    public override string Summary => "采购给物料定价（单价、交期、最小起订量）";
    public override string SummaryEn => "purchasing prices a part";
    public override string Example => "定价 STM32F103C8T6 8.5 6周 2500";
    public override bool IsFor(User user) => user.Role is Role.Purchasing or Role.Admin;
    public override IReadOnlyList<Param> Params =>
    [
        new("mpn", ParamKind.Text, "请输入型号：", "Part number?"),
        new("price", ParamKind.Text, "请输入单价：", "Unit price?"),
        new("rest", ParamKind.Text, "", "", Required: false),
    ];

    protected override async Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        string? lead = null;
        long? moq = null;
        foreach (var t in Tokens.Split(v.Get("rest") ?? ""))
        {
            if (moq is null && (t.StartsWith("MOQ", StringComparison.OrdinalIgnoreCase) || t.All(ch => char.IsAsciiDigit(ch) || ch is ',' or 'k' or 'K' or '万')))
                moq = SalesText.Quantity(t.StartsWith("MOQ", StringComparison.OrdinalIgnoreCase) ? t[3..].TrimStart(':', '：', '=') : t);
            else lead ??= t;
        }
        var p = quotes.SetPrice(ctx.Actor, v.Text("mpn"), SalesText.Price(v.Text("price")), lead, moq);
        return [Reply.Of(ctx.L($"✅ 已定价：{p.Mpn} {QuoteCards.Money(p.UnitPrice)}" + (lead is null ? "" : $"，交期 {lead}") + (moq is long m ? $"，MOQ {m:#,0}" : ""),
                               $"✅ Priced {p.Mpn} at {p.UnitPrice}"))];
    }
}

/// <summary>报价 &lt;商机&gt; — assembles the quote and routes it for approval.</summary>
public sealed class QuoteCommand(IServiceProvider sp, QuoteApprovals approvals, UserDirectory users) : SalesCommand(sp)
{
    public override string Name => "报价";
    public override IReadOnlyList<string> Aliases => ["quote"];
    public override string Usage => "报价 <商机>";
    public override string UsageEn => "quote <opportunity>";
    public override string Summary => "按定价生成报价（新版本），按规则送审批";
    public override string SummaryEn => "assemble the quote and send it for approval";
    public override string Example => "报价 伺服驱动器";
    public override bool IsFor(User user) => user.Role is not Role.Purchasing;
    public override IReadOnlyList<Param> Params => [new("opportunity", ParamKind.Opportunity, "请问为哪个商机报价？", "Which opportunity?")];

    protected override async Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var q = approvals.Assemble(ctx.Actor, v.Entity<Opportunity>("opportunity").Id);
        var route = q.Steps.Count == 0 ? "无需审批，已直接批准" :
            "审批路线：" + string.Join(" → ", q.Steps.Select(s => $"{s.Role.Chinese()}（{string.Join("/", s.ApproverIds.Select(id => users.Get(id)?.Name))}）"));
        return [Reply.Of(ctx.L($"✅ 已生成报价 {q.No} 第 {q.Version} 版，合计 {QuoteCards.Money(q.Amount)}（规则：{q.RuleName}）。\n{route}",
                               $"✅ Quote {q.No} v{q.Version}: {q.Amount} ({q.RuleName})."))];
    }
}

/// <summary>报价单 &lt;商机&gt; — the latest quotation, to forward to the customer.</summary>
public sealed class QuotationCommand(IServiceProvider sp, QuoteService quotes, UserDirectory users) : SalesCommand(sp)
{
    public override string Name => "报价单";
    public override IReadOnlyList<string> Aliases => ["quotation"];
    public override string Usage => "报价单 <商机>";
    public override string UsageEn => "quotation <opportunity>";
    public override string Summary => "最新的报价单（可转发给客户）";
    public override string SummaryEn => "the latest quotation";
    public override string Example => "报价单 伺服驱动器";
    public override IReadOnlyList<Param> Params => [new("opportunity", ParamKind.Opportunity, "请问哪个商机的报价单？", "Which opportunity?")];

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var o = v.Entity<Opportunity>("opportunity");
        var q = quotes.Latest(o.Id);
        if (q is null) return Say(ctx.L($"{o.Name} 还没有报价。", "No quote yet."));
        var card = QuoteCards.Quotation(q, o, users);
        var note = q.Status == QuoteStatus.Approved ? "" : ctx.L($"⚠️ 这份报价{Quote.Chinese(q.Status)}，还不能发给客户。\n", $"⚠️ This quote is {q.Status}.\n");
        return Say(Reply.WithCard(note + Cards.ToText(card), card));
    }
}

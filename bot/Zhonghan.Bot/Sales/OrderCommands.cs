using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Sales;

/// <summary>下单 &lt;商机&gt; 试产|批量 &lt;型号&gt; &lt;数量&gt; &lt;单价&gt;</summary>
public sealed class OrderCommand(IServiceProvider sp, OrderService orders) : SalesCommand(sp)
{
    public override string Name => "下单";
    public override IReadOnlyList<string> Aliases => ["order"];
    public override string Usage => "下单 <商机> 试产|批量 <型号> <数量> <单价>";
    public override string UsageEn => "order <opportunity> trial|bulk <mpn> <qty> <unit price>";
    public override string Summary => "试产或批量订单（批量订单即赢单）";
    public override string SummaryEn => "a trial or bulk order (bulk wins the deal)";
    public override string Example => "下单 伺服驱动器 试产 STM32F103C8T6 2000 8.5";
    public override bool IsFor(User user) => Access.WorksCustomers(user);
    public override IReadOnlyList<Param> Params =>
    [
        new("opportunity", ParamKind.Opportunity, "请问哪个商机下单？", "Which opportunity?"),
        new("spec", ParamKind.Text, "请输入：试产|批量 <型号> <数量> <单价>", "trial|bulk <mpn> <qty> <unit price>"),
    ];

    protected override async Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var t = Tokens.Split(v.Text("spec"));
        if (t.Count < 4) throw new CrmException("请写：下单 <商机> 试产|批量 <型号> <数量> <单价>", "Write: order <opp> trial|bulk <mpn> <qty> <price>");
        var kind = t[0].ToLowerInvariant() switch
        {
            "试产" or "小批" or "小批试产" or "trial" => OrderKind.Trial,
            "批量" or "量产" or "bulk" => OrderKind.Bulk,
            _ => throw new CrmException("订单类型请写“试产”或“批量”。", "Write trial or bulk."),
        };
        var order = orders.Place(ctx.Actor, v.Entity<Opportunity>("opportunity").Id, kind, t[1], SalesText.Quantity(t[2]), SalesText.Price(t[3]));
        return [Reply.Of(ctx.L($"✅ 已下{OrderService.KindName(kind)}订单 {order.No}：{order.Mpn} × {order.Quantity:#,0} @ {QuoteCards.Money(order.UnitPrice)}，合计 {QuoteCards.Money(order.Amount)}。" +
            (kind == OrderKind.Bulk ? "\n🎉 商机已赢单！" : ""), $"✅ Order {order.No} placed."))];
    }
}

/// <summary>发货 &lt;订单&gt; &lt;数量&gt; [快递单号]</summary>
public sealed class ShipCommand(IServiceProvider sp, OrderService orders) : SalesCommand(sp)
{
    public override string Name => "发货";
    public override IReadOnlyList<string> Aliases => ["ship"];
    public override string Usage => "发货 <订单> <数量> [快递单号]";
    public override string UsageEn => "ship <O7> <qty> [tracking]";
    public override string Summary => "订单分批发货（通知销售）";
    public override string SummaryEn => "ship part of an order";
    public override string Example => "发货 O7 1000 SF1234567890";
    public override IReadOnlyList<Param> Params =>
    [
        new("no", ParamKind.Code, "请问是哪个订单？（例如 O7）", "Which order? (e.g. O7)") { Code = CodeKind.Order },
        new("qty", ParamKind.Quantity, "发货数量？", "How many?"),
        new("tracking", ParamKind.Text, "", "", Required: false),
    ];

    protected override async Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var o = orders.Ship(ctx.Actor, v.Code("no")!.Value.Number, v.Quantity("qty")!.Value, v.Get("tracking"));
        return [Reply.Of(ctx.L($"✅ 订单 {o.No} 已发货 {o.Shipments[^1].Quantity:#,0}，累计 {o.ShippedQuantity:#,0}/{o.Quantity:#,0}。", $"✅ {o.No} shipped."))];
    }
}

/// <summary>开票 &lt;订单&gt; &lt;金额&gt;</summary>
public sealed class InvoiceCommand(IServiceProvider sp, OrderService orders) : SalesCommand(sp)
{
    public override string Name => "开票";
    public override IReadOnlyList<string> Aliases => ["invoice"];
    public override string Usage => "开票 <订单> <金额>";
    public override string UsageEn => "invoice <O7> <amount>";
    public override string Summary => "为订单开票（到期日按客户账期）";
    public override string SummaryEn => "invoice an order";
    public override string Example => "开票 O7 8500";
    public override IReadOnlyList<Param> Params =>
    [
        new("no", ParamKind.Code, "请问给哪个订单开票？（例如 O7）", "Which order? (e.g. O7)") { Code = CodeKind.Order },
        new("amount", ParamKind.Amount, "开票金额？", "Amount?"),
    ];

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var i = orders.IssueInvoice(ctx.Actor, v.Code("no")!.Value.Number, v.Money("amount")!.Value);
        return Say(ctx.L($"✅ 已开票 {i.No}：{QuoteCards.Money(i.Amount)}，到期日 {Core.Time.BusinessTime.Describe(i.DueAt, true)}。", $"✅ Invoice {i.No}."));
    }
}

/// <summary>
/// 回款 &lt;客户&gt; &lt;金额&gt; [日期] — applied to the oldest open invoices. The date is a past one (12月7日 on 12-08 is
/// this year's); a date-only today counts as now, so the payment is applied today at any hour.
/// </summary>
public sealed class PaymentCommand(IServiceProvider sp, Receivables receivables, TimeProvider clock) : SalesCommand(sp)
{
    public override string Name => "回款";
    public override IReadOnlyList<string> Aliases => ["payment", "paid"];
    public override string Usage => "回款 <客户> <金额> [日期]";
    public override string UsageEn => "payment <customer> <amount> [date]";
    public override string Summary => "记录回款（按最早的发票核销）";
    public override string SummaryEn => "record a payment (oldest invoices first)";
    public override string Example => "回款 汇川 8500 今天";
    public override IReadOnlyList<Param> Params =>
    [
        new("company", ParamKind.Company, "请问哪家客户回款？", "Which customer?"),
        new("amount", ParamKind.Amount, "回款金额？", "Amount?"),
        new("date", ParamKind.Date, "回款日期？", "Payment date?", Required: false) { Purpose = DatePurpose.Past },
    ];

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var c = v.Customer("company");
        var at = v.Date("date")?.HappenedUtc(clock.GetUtcNow().UtcDateTime);
        var p = receivables.Record(ctx.Actor, c.Id, v.Money("amount")!.Value, at);
        var open = receivables.OfCustomer(c.Id);
        return Say(ctx.L($"✅ 已记录 {c.Company} 回款 {QuoteCards.Money(p.Amount)}，核销 {p.Applied.Count} 张发票" + (p.Unapplied > 0 ? $"，预收 {QuoteCards.Money(p.Unapplied)}" : "") +
                         $"。\n剩余应收 {QuoteCards.Money(open.Total)}（逾期 {QuoteCards.Money(open.Overdue)}）", $"✅ Payment recorded."));
    }
}

/// <summary>应收 [客户] — receivables with ageing.</summary>
public sealed class ReceivablesCommand(IServiceProvider sp, Receivables receivables) : SalesCommand(sp)
{
    public override string Name => "应收";
    public override IReadOnlyList<string> Aliases => ["receivables", "ar", "账龄"];
    public override string Usage => "应收 [客户]";
    public override string UsageEn => "receivables [customer]";
    public override string Summary => "应收账款及账龄（不写客户 = 我的全部）";
    public override string SummaryEn => "receivables and ageing";
    public override string Example => "应收 汇川";
    public override IReadOnlyList<Param> Params => [new("company", ParamKind.Company, "", "", Required: false)];

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var (title, a) = v.Get("company") is null
            ? ($"{ctx.User.Name} 的应收", receivables.OfOwner(ctx.User.Id))
            : ($"{v.Customer("company").Company} 的应收", receivables.OfCustomer(v.Customer("company").Id));
        var card = new Card
        {
            Title = title,
            Fields =
            [
                new("合计", QuoteCards.Money(a.Total)), new("未到期", QuoteCards.Money(a.NotDue)), new("逾期1-30天", QuoteCards.Money(a.Days1To30)),
                new("逾期31-60天", QuoteCards.Money(a.Days31To60)), new("逾期61-90天", QuoteCards.Money(a.Days61To90)), new("逾期90天以上", QuoteCards.Money(a.Over90)),
            ],
        };
        return Say(Reply.WithCard(Cards.ToText(card), card));
    }
}

/// <summary>账期 &lt;客户&gt; &lt;天数|月结N天&gt;</summary>
public sealed class TermsCommand(IServiceProvider sp, OrderService orders) : SalesCommand(sp)
{
    public override string Name => "账期";
    public override IReadOnlyList<string> Aliases => ["terms"];
    public override string Usage => "账期 <客户> <天数|月结N天>";
    public override string UsageEn => "terms <customer> <days>";
    public override string Summary => "设置客户的付款账期";
    public override string SummaryEn => "set a customer's payment terms";
    public override string Example => "账期 汇川 月结60天";
    public override IReadOnlyList<Param> Params =>
    [
        new("company", ParamKind.Company, "请问哪家客户？", "Which customer?"),
        new("days", ParamKind.Text, "账期多少天？（例如 月结30天）", "How many days?"),
    ];

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var digits = new string(v.Text("days").Where(char.IsAsciiDigit).ToArray());
        if (!int.TryParse(digits, out var days)) throw new CrmException("账期请写天数，例如 月结30天。", "Give the number of days.");
        var c = orders.SetTerms(ctx.Actor, v.Customer("company").Id, days);
        return Say(ctx.L($"✅ {c.Company} 账期：{days} 天", $"✅ Terms: {days} days"));
    }
}

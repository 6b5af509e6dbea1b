using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

/// <summary>下单 &lt;商机&gt; 试产|批量 &lt;型号&gt; &lt;数量&gt; &lt;单价&gt; — entering 发起订单 through its gate (a passed test).</summary>
public sealed class OrderCommand(OrderService orders, GateAnswers gates) : Command, ICommand
{
    private static readonly Dictionary<string, string> Kinds = new()
    {
        ["试产"] = nameof(OrderKind.Trial), ["小批"] = nameof(OrderKind.Trial), ["小批试产"] = nameof(OrderKind.Trial), ["trial"] = nameof(OrderKind.Trial),
        ["批量"] = nameof(OrderKind.Bulk), ["量产"] = nameof(OrderKind.Bulk), ["bulk"] = nameof(OrderKind.Bulk),
    };

    public static CommandSpec Spec { get; } = new("order", "下单")
    {
        Aliases = ["order"],
        Group = CommandGroups.Sales,
        Who = Who.CustomerWorkers,
        Params =
        [
            new("opportunity", ParamKind.Opportunity, "商机", "opportunity", "请问哪个商机下单？", "Which opportunity?"),
            new("kind", ParamKind.Enum, "试产|批量", "trial|bulk", "请输入：试产|批量 <型号> <数量> <单价>", "trial|bulk <mpn> <qty> <unit price>")
                { Bare = true, Choices = Kinds, AnswerFillsRest = true },
            new("mpn", ParamKind.Text, "型号", "mpn", "型号？", "Part number?"),
            new("qty", ParamKind.Quantity, "数量", "qty", "数量？", "How many?"),
            new("price", ParamKind.Price, "单价", "unit price", "单价？", "Unit price?"),
        ],
        Summary = "试产或批量订单（批量订单即赢单）", SummaryEn = "a trial or bulk order (bulk wins the deal)",
        Example = "下单 伺服驱动器 试产 STM32F103C8T6 2000 8.5",
        Notes = "a trial or bulk order (bulk = won)",
        Serves = ActionKind.Order,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var kind = Enum.Parse<OrderKind>(v.Choice("kind")!);
        var o = v.Entity<Opportunity>("opportunity");
        var placed = orders.TryPlace(ctx.Actor, o.Id, kind, v.Text("mpn"), v.Quantity("qty")!.Value, v.Money("price")!.Value);
        if (placed.Closed is { } gate) return gates.For(ctx, o, gate);
        var order = placed.Value;
        return ctx.L($"✅ 已下{OrderService.KindName(kind)}订单 {order.No}：{order.Mpn} × {order.Quantity:#,0} @ {QuoteCards.Money(order.UnitPrice)}，合计 {QuoteCards.Money(order.Amount)}。" +
            (kind == OrderKind.Bulk ? "\n🎉 商机已赢单！" : ""), $"✅ Order {order.No} placed.");
    }
}

/// <summary>发货 &lt;订单&gt; &lt;数量&gt; [快递单号]</summary>
public sealed class ShipCommand(OrderService orders) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("ship", "发货")
    {
        Aliases = ["ship"],
        Group = CommandGroups.Sales,
        Params =
        [
            new("no", ParamKind.Code, "订单", "O7", "请问是哪个订单？（例如 O7）", "Which order? (e.g. O7)") { Code = CodeKind.Order },
            new("qty", ParamKind.Quantity, "数量", "qty", "发货数量？", "How many?"),
            new("tracking", ParamKind.Text, "快递单号", "tracking") { Required = false },
        ],
        Summary = "订单分批发货（通知销售）", SummaryEn = "ship part of an order",
        Example = "发货 O7 1000 SF1234567890",
        Notes = "a delivery of an order (the rep is told)",
        Serves = ActionKind.Ship,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var o = orders.Ship(ctx.Actor, v.Code("no")!.Value.Number, v.Quantity("qty")!.Value, v.Get("tracking"));
        return ctx.L($"✅ 订单 {o.No} 已发货 {o.Shipments[^1].Quantity:#,0}，累计 {o.ShippedQuantity:#,0}/{o.Quantity:#,0}。", $"✅ {o.No} shipped.");
    }
}

/// <summary>开票 &lt;订单&gt; &lt;金额&gt;</summary>
public sealed class InvoiceCommand(OrderService orders) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("invoice", "开票")
    {
        Aliases = ["invoice"],
        Group = CommandGroups.Sales,
        Params =
        [
            new("no", ParamKind.Code, "订单", "O7", "请问给哪个订单开票？（例如 O7）", "Which order? (e.g. O7)") { Code = CodeKind.Order },
            new("amount", ParamKind.Amount, "金额", "amount", "开票金额？", "Amount?"),
        ],
        Summary = "为订单开票（到期日按客户账期）", SummaryEn = "invoice an order",
        Example = "开票 O7 8500",
        Notes = "an invoice (due by the customer's terms)",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var i = orders.IssueInvoice(ctx.Actor, v.Code("no")!.Value.Number, v.Money("amount")!.Value);
        return ctx.L($"✅ 已开票 {i.No}：{QuoteCards.Money(i.Amount)}，到期日 {Core.Time.BusinessTime.Describe(i.DueAt, true)}。", $"✅ Invoice {i.No}.");
    }
}

using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Parsing;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Reminders;

namespace Zhonghan.Core.Sales;

/// <summary>Orders (试产 / 批量), shipments in several deliveries, invoices with due dates from the payment terms.</summary>
public sealed class OrderService(
    ISalesStore store, OpportunityService opportunities, CustomerService customers, SalesOptions options,
    UserDirectory users, DeliveryQueue deliveries, ICommandWords words, AuditLog audit, TimeProvider clock)
{
    public Order? Get(int id) => store.Order(id);

    public IReadOnlyList<Order> ForOpportunity(int opportunityId) =>
        store.OrdersOf(opportunityId);

    /// <summary>下单: a trial or bulk order (the 发起订单 gate: a passed test). A bulk order wins the opportunity.</summary>
    public Gated<Order> TryPlace(Actor actor, int opportunityId, OrderKind kind, string mpn, long quantity, decimal unitPrice)
    {
        if (quantity <= 0) throw new CrmException("数量需要是正整数。", "The quantity must be positive.");
        if (unitPrice <= 0) throw new CrmException("单价需要大于 0。", "The unit price must be above 0.");
        var o = opportunities.GetVisible(actor.User, opportunityId);
        if (!SalesAccess.CanWork(actor.User, o)) throw SalesAccess.NotYours();
        if (!o.Stage.IsOpen() && !(o.Stage == Stage.Won && kind == OrderKind.Bulk))
            throw new CrmException($"商机已{o.Stage.Chinese()}，不能下单。", $"The opportunity is {o.Stage}.");
        if (o.Stage.IsOpen() && o.Stage != Stage.Order)
        {
            var moved = opportunities.TryAdvance(actor, o.Id, Stage.Order, kind == OrderKind.Trial ? "试产订单" : "批量订单");
            if (moved.Closed is { } gate) return Gated<Order>.Waits(gate);
            o = moved.Value;
        }
        var order = new Order
        {
            OpportunityId = o.Id, CustomerId = o.CustomerId, OwnerId = o.OwnerId, Kind = kind, Mpn = mpn.Trim(), Quantity = quantity,
            UnitPrice = unitPrice, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        store.Add(order);
        audit.Record(actor, "order.create", $"order:{order.Id}", $"{KindName(kind)}订单 {order.No} {order.Mpn} × {quantity} @ {QuoteCards.Money(unitPrice)}");
        if (kind == OrderKind.Bulk) opportunities.MarkWon(actor, o);
        var shippers = o.AssistantId is int a && users.Get(a) is { } assistant ? [assistant] : users.WithRole(Role.Purchasing).ToList();
        foreach (var u in shippers)
            deliveries.Notify(u, Reply.Of($"{o.CustomerName} 下了{KindName(kind)}订单 {order.No}：{order.Mpn} × {quantity:#,0} @ {QuoteCards.Money(unitPrice)}，" +
                $"合计 {QuoteCards.Money(order.Amount)}。请安排备货发货（{words.Usage(new(ActionKind.Ship) { Document = new DocCode(CodeKind.Order, order.Id) }, optional: true)}）。"),
                $"order-{order.Id}-{u.Id}");
        return Gated<Order>.Done(order);
    }

    public Order Place(Actor actor, int opportunityId, OrderKind kind, string mpn, long quantity, decimal unitPrice) =>
        TryPlace(actor, opportunityId, kind, mpn, quantity, unitPrice).OrThrow();

    /// <summary>发货: one delivery of an order; never more than ordered. The rep is told.</summary>
    public Order Ship(Actor actor, int orderId, long quantity, string? tracking)
    {
        var (order, o) = Load(actor, orderId);
        if (!SalesAccess.CanHandle(actor.User, o)) throw SalesAccess.NotYours();
        var left = order.Quantity - order.ShippedQuantity;
        if (quantity <= 0) throw new CrmException("发货数量需要是正整数。", "The quantity must be positive.");
        if (quantity > left) throw new CrmException($"订单 {order.No} 还剩 {left:#,0} 未发，不能发 {quantity:#,0}。", $"Only {left} left to ship.");
        order.ShippedQuantity += quantity;
        order.Shipments.Add(new Shipment { Quantity = quantity, Tracking = tracking?.Trim(), At = clock.GetUtcNow().UtcDateTime, ById = actor.User.Id });
        store.Save(order);
        audit.Record(actor, "order.ship", $"order:{order.Id}", $"发货 {quantity} {tracking}");
        if (users.Get(order.OwnerId) is { } rep && rep.Id != actor.User.Id)
            deliveries.Notify(rep, Reply.Of($"🚚 {o.CustomerName} 订单 {order.No} 已发货 {quantity:#,0}（累计 {order.ShippedQuantity:#,0}/{order.Quantity:#,0}）" +
                (tracking is null ? "" : $"，快递单号 {tracking}") + "。"), $"ship-{order.Id}-{order.Shipments.Count}");
        return order;
    }

    /// <summary>开票: an invoice against an order, due after the customer's payment terms.</summary>
    public Invoice IssueInvoice(Actor actor, int orderId, decimal amount)
    {
        var (order, o) = Load(actor, orderId);
        if (!SalesAccess.CanHandle(actor.User, o)) throw SalesAccess.NotYours();
        if (amount <= 0) throw new CrmException("开票金额需要大于 0。", "The amount must be above 0.");
        var left = order.Amount - order.InvoicedAmount;
        if (amount > left) throw new CrmException($"订单 {order.No} 还可开票 {QuoteCards.Money(left)}，不能开 {QuoteCards.Money(amount)}。", $"Only {left} left to invoice.");
        var customer = customers.Get(order.CustomerId)!;
        var now = clock.GetUtcNow().UtcDateTime;
        var invoice = new Invoice
        {
            OrderId = order.Id, CustomerId = order.CustomerId, OwnerId = customer.OwnerId ?? order.OwnerId, Amount = amount,
            IssuedAt = now, DueAt = now.AddDays(customer.PaymentTermDays ?? options.DefaultPaymentTermDays),
        };
        order.InvoicedAmount += amount;
        store.Add(invoice);
        store.Save(order);
        audit.Record(actor, "invoice.issue", $"invoice:{invoice.Id}", $"开票 {invoice.No} {QuoteCards.Money(amount)} 订单 {order.No}");
        return invoice;
    }

    /// <summary>账期: sets a customer's payment terms (月结30天 → 30).</summary>
    public Customer SetTerms(Actor actor, int customerId, int days)
    {
        if (days is < 0 or > 365) throw new CrmException("账期需要在 0 到 365 天之间。", "Terms must be 0–365 days.");
        var c = customers.GetChangeable(actor.User, customerId);
        c.PaymentTermDays = days;
        customers.Store.Save(c);
        audit.Record(actor, "customer.terms", $"customer:{c.Id}", $"账期 {days} 天");
        return c;
    }

    private (Order, Opportunity) Load(Actor actor, int orderId)
    {
        var order = Get(orderId) ?? throw new CrmException("没有这个订单。", "No such order.");
        var o = opportunities.Get(order.OpportunityId);
        if (o is null || !SalesAccess.CanSee(actor.User, o)) throw new CrmException("没有这个订单。", "No such order.");
        return (order, o);
    }

    public static string KindName(OrderKind k) => k == OrderKind.Trial ? "试产" : "批量";
}

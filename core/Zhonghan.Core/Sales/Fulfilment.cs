namespace Zhonghan.Core.Sales;

public enum SampleStatus { PendingApproval, Requested, Shipped, Received, Rejected }

/// <summary>A sample request (申样单) and its shipment.</summary>
public sealed class SampleRequest
{
    public int Id { get; set; }
    public int OpportunityId { get; set; }
    public int CustomerId { get; set; }
    public string Mpn { get; set; } = "";
    public long Quantity { get; set; }
    public string? Address { get; set; }
    public SampleStatus Status { get; set; }
    public int RequestedById { get; set; }
    public DateTime RequestedAt { get; set; }
    public string? Tracking { get; set; }
    public DateTime? ShippedAt { get; set; }
    public DateTime? ReceivedAt { get; set; }
    public List<ApprovalStep> Steps { get; set; } = new();

    public string No => $"S{Id}";

    public static string Chinese(SampleStatus s) => s switch
    {
        SampleStatus.PendingApproval => "待审批", SampleStatus.Requested => "待寄出", SampleStatus.Shipped => "已寄出",
        SampleStatus.Received => "已签收", _ => "已驳回",
    };
}

public enum OrderKind { Trial, Bulk }

/// <summary>A trial (试产) or bulk (批量) order; ships in several deliveries, each invoiced.</summary>
public sealed class Order
{
    public int Id { get; set; }
    public int OpportunityId { get; set; }
    public int CustomerId { get; set; }
    public int OwnerId { get; set; }
    public OrderKind Kind { get; set; }
    public string Mpn { get; set; } = "";
    public long Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public long ShippedQuantity { get; set; }
    public decimal InvoicedAmount { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Shipment> Shipments { get; set; } = new();

    public string No => $"O{Id}";
    public decimal Amount => UnitPrice * Quantity;
}

public sealed class Shipment
{
    public long Quantity { get; set; }
    public string? Tracking { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
}

/// <summary>An invoice (开票) against an order; payments are applied to the oldest open invoices first.</summary>
public sealed class Invoice
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public int CustomerId { get; set; }
    public int OwnerId { get; set; }
    public decimal Amount { get; set; }
    public decimal Paid { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateTime DueAt { get; set; }

    public string No => $"I{Id}";
    public decimal Open => Amount - Paid;
}

/// <summary>A payment received (回款), credited to the customer's owner at the time for pay.</summary>
public sealed class Payment
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public int OwnerId { get; set; }
    public decimal Amount { get; set; }
    /// <summary>What was not applied to any invoice (a prepayment or overpayment).</summary>
    public decimal Unapplied { get; set; }
    public DateTime ReceivedAt { get; set; }
    public int RecordedById { get; set; }
    public List<PaymentApplication> Applied { get; set; } = new();
}

public sealed class PaymentApplication
{
    public int InvoiceId { get; set; }
    public decimal Amount { get; set; }
}

using Zhonghan.Core.Sales;
using Zhonghan.Storage.Documents;
using static Zhonghan.Storage.Documents.Keys;

namespace Zhonghan.Storage.Schema;

/// <summary>The sales collections and the index behind every query.</summary>
public static class SalesSets
{
    public static readonly DocSet<Opportunity> Opportunities = new("opportunities", IdKind.Int32, o => o.Id, (o, id) => o.Id = (int)id,
        // 我的商机: open first, then by creation
        IndexDef<Opportunity>.On("Owner", o => Join(Int(o.OwnerId), o.Stage.IsOpen() ? "0" : "1", Time(o.CreatedAt))),
        IndexDef<Opportunity>.On("Customer", o => Int(o.CustomerId)),
        IndexDef<Opportunity>.On("Name", o => o.NameKey),
        IndexDef<Opportunity>.On("Department", o => Int(o.DepartmentId)),
        IndexDef<Opportunity>.On("Assistant", o => o.AssistantId is int a ? Int(a) : null));

    /// <summary>The funnel, kept as counts per (scope, stage, furthest stage reached), updated with every opportunity change.</summary>
    public static readonly DocSet<FunnelCount> Funnel = new("funnel", IdKind.String, f => f.Id, null,
        IndexDef<FunnelCount>.On("Scope", f => f.Scope));

    public static readonly DocSet<Quote> Quotes = new("quotes", IdKind.Int32, q => q.Id, (q, id) => q.Id = (int)id,
        IndexDef<Quote>.On("Opportunity", q => Int(q.OpportunityId)),
        IndexDef<Quote>.On("Status", q => q.Status.ToString()));

    public static readonly DocSet<PartPrice> Prices = new("part_prices", IdKind.Int32, p => p.Id, (p, id) => p.Id = (int)id,
        IndexDef<PartPrice>.On("Mpn", p => p.MpnKey));

    public static readonly DocSet<PriceRequest> PriceRequests = new("price_requests", IdKind.Int32, r => r.Id, (r, id) => r.Id = (int)id,
        IndexDef<PriceRequest>.OnEach("Mpn", r => r.MpnKeys),
        IndexDef<PriceRequest>.On("Opportunity", r => Int(r.OpportunityId)));

    public static readonly DocSet<SampleRequest> Samples = new("samples", IdKind.Int32, s => s.Id, (s, id) => s.Id = (int)id,
        IndexDef<SampleRequest>.On("Opportunity", s => Int(s.OpportunityId)),
        IndexDef<SampleRequest>.On("Status", s => s.Status.ToString()));

    public static readonly DocSet<Order> Orders = new("orders", IdKind.Int32, o => o.Id, (o, id) => o.Id = (int)id,
        IndexDef<Order>.On("Opportunity", o => Int(o.OpportunityId)),
        IndexDef<Order>.On("Customer", o => Int(o.CustomerId)));

    public static readonly DocSet<Invoice> Invoices = new("invoices", IdKind.Int32, i => i.Id, (i, id) => i.Id = (int)id,
        // payments apply to a customer's open invoices, oldest first
        IndexDef<Invoice>.On("Customer", i => Join(Int(i.CustomerId), i.Open > 0 ? "0" : "1", Time(i.IssuedAt), Int(i.Id))),
        IndexDef<Invoice>.On("Owner", i => Int(i.OwnerId)));

    public static readonly DocSet<Payment> Payments = new("payments", IdKind.Int32, p => p.Id, (p, id) => p.Id = (int)id,
        IndexDef<Payment>.On("Customer", p => Int(p.CustomerId)),
        IndexDef<Payment>.On("Owner", p => Int(p.OwnerId)));

    public static IEnumerable<DocSet> All => [Opportunities, Funnel, Quotes, Prices, PriceRequests, Samples, Orders, Invoices, Payments];
}

/// <summary>Stored funnel count: "{scope}|{stage}|{furthest}" → count and amount. Scopes: "d{department}", "o{owner}".</summary>
public sealed class FunnelCount
{
    public string Id { get; set; } = "";
    public string Scope { get; set; } = "";
    public Stage Stage { get; set; }
    public int Furthest { get; set; }
    public int Count { get; set; }
    public decimal Amount { get; set; }
}

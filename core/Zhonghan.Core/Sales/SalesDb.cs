using LiteDB;
using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Sales;

/// <summary>The sales collections in the app's LiteDB file, with an index for every per-message query.</summary>
public sealed class SalesDb
{
    public CrmDb Crm { get; }
    public ILiteCollection<Opportunity> Opportunities { get; }
    public ILiteCollection<Quote> Quotes { get; }
    public ILiteCollection<PartPrice> Prices { get; }
    public ILiteCollection<PriceRequest> PriceRequests { get; }
    public ILiteCollection<SampleRequest> Samples { get; }
    public ILiteCollection<Order> Orders { get; }
    public ILiteCollection<Invoice> Invoices { get; }
    public ILiteCollection<Payment> Payments { get; }

    public SalesDb(CrmDb crm)
    {
        Crm = crm;
        Opportunities = crm.Collection<Opportunity>("opportunities", BsonAutoId.Int32);
        Opportunities.EnsureIndex(x => x.OwnerKey);
        Opportunities.EnsureIndex(x => x.CustomerId);
        Opportunities.EnsureIndex(x => x.NameKey);
        Opportunities.EnsureIndex(x => x.DepartmentId);
        Opportunities.EnsureIndex(x => x.AssistantId);
        Opportunities.EnsureIndex(x => x.FunnelKey);
        // Opportunities stored before the funnel key existed get it once (an index seek on the missing key).
        foreach (var o in Opportunities.Find(Q.Eq(nameof(Opportunity.FunnelKey), BsonValue.Null)).ToList())
        {
            o.RefreshKeys();
            Opportunities.Update(o);
        }
        Quotes = crm.Collection<Quote>("quotes", BsonAutoId.Int32);
        Quotes.EnsureIndex(x => x.OpportunityId);
        Quotes.EnsureIndex(x => x.Status);
        Prices = crm.Collection<PartPrice>("part_prices", BsonAutoId.Int32);
        Prices.EnsureIndex(x => x.MpnKey);
        PriceRequests = crm.Collection<PriceRequest>("price_requests", BsonAutoId.Int32);
        PriceRequests.EnsureIndex("MpnKeys", "$.MpnKeys[*]");
        PriceRequests.EnsureIndex(x => x.OpportunityId);
        Samples = crm.Collection<SampleRequest>("samples", BsonAutoId.Int32);
        Samples.EnsureIndex(x => x.OpportunityId);
        Samples.EnsureIndex(x => x.Status);
        Orders = crm.Collection<Order>("orders", BsonAutoId.Int32);
        Orders.EnsureIndex(x => x.OpportunityId);
        Orders.EnsureIndex(x => x.CustomerId);
        Invoices = crm.Collection<Invoice>("invoices", BsonAutoId.Int32);
        Invoices.EnsureIndex(x => x.CustomerKey);
        Invoices.EnsureIndex(x => x.OwnerId);
        Payments = crm.Collection<Payment>("payments", BsonAutoId.Int32);
        Payments.EnsureIndex(x => x.CustomerId);
        Payments.EnsureIndex(x => x.OwnerId);
    }

    public T InTransaction<T>(Func<T> work) => Crm.InTransaction(work);
}

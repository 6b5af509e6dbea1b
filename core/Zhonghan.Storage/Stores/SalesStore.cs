using Zhonghan.Core.Sales;
using Zhonghan.Storage.Documents;
using Zhonghan.Storage.Schema;
using static Zhonghan.Storage.Documents.Keys;
using S = Zhonghan.Storage.Schema.SalesSets;

namespace Zhonghan.Storage.Stores;

internal sealed class SalesStore(Documents.Documents docs) : ISalesStore
{
    private static readonly DocSet<Opportunity> O = S.Opportunities;

    public Opportunity? Opportunity(int id) => docs.Get(O, id);

    public IReadOnlyList<Opportunity> OpportunitiesOf(int customerId) => docs.Where(O, O["Customer"], Int(customerId));

    public IReadOnlyList<Opportunity> OpportunitiesOwnedBy(int ownerId, int limit) => docs.Range(O, O["Owner"], Prefix(Int(ownerId)), 0, limit);

    public IReadOnlyList<Opportunity> OpportunitiesAssistedBy(int assistantId, int limit) => docs.Where(O, O["Assistant"], Int(assistantId), limit);

    public IReadOnlyList<Opportunity> OpportunitiesOfDepartment(int departmentId, int limit) => docs.Where(O, O["Department"], Int(departmentId), limit);

    public IReadOnlyList<Opportunity> OpportunitiesNamed(string nameKey, int limit) => docs.Where(O, O["Name"], nameKey, limit);

    public IReadOnlyList<Opportunity> OpportunitiesNameStartsWith(string prefix, int limit) => docs.Range(O, O["Name"], KeyRange.StartsWith(prefix), 0, limit);

    public IEnumerable<Opportunity> AllOpportunities() => docs.All(O);

    public void Add(Opportunity opportunity) => docs.Insert(O, opportunity);

    public void Save(Opportunity opportunity) => docs.Update(O, opportunity);

    public IReadOnlyList<FunnelCell> FunnelOfDepartment(int departmentId) => Cells(FunnelHook.DepartmentScope(departmentId));

    public IReadOnlyList<FunnelCell> FunnelOfOwner(int ownerId) => Cells(FunnelHook.OwnerScope(ownerId));

    public IReadOnlyList<FunnelCell> FunnelOfCompany() =>
        docs.Range(S.Funnel, S.Funnel["Scope"], KeyRange.StartsWith("d")).Select(ToCell).ToList();

    private List<FunnelCell> Cells(string scope) => docs.Where(S.Funnel, S.Funnel["Scope"], scope).Select(ToCell).ToList();

    private static FunnelCell ToCell(FunnelCount f) => new(f.Stage, f.Furthest, f.Count, f.Amount);

    public Quote? Quote(int id) => docs.Get(S.Quotes, id);

    public IReadOnlyList<Quote> QuotesOf(int opportunityId) => docs.Where(S.Quotes, S.Quotes["Opportunity"], Int(opportunityId));

    public IReadOnlyList<Quote> QuotesWithStatus(QuoteStatus status, int limit) => docs.Where(S.Quotes, S.Quotes["Status"], status.ToString(), limit);

    public void Add(Quote quote) => docs.Insert(S.Quotes, quote);

    public void Save(Quote quote) => docs.Update(S.Quotes, quote);

    public IReadOnlyList<PartPrice> PricesOf(string mpnKey) => docs.Where(S.Prices, S.Prices["Mpn"], mpnKey);

    public void Add(PartPrice price) => docs.Insert(S.Prices, price);

    public IReadOnlyList<PriceRequest> PriceRequestsFor(string mpnKey) => docs.Where(S.PriceRequests, S.PriceRequests["Mpn"], mpnKey);

    public void Add(PriceRequest request) => docs.Insert(S.PriceRequests, request);

    public void Save(PriceRequest request) => docs.Update(S.PriceRequests, request);

    public SampleRequest? Sample(int id) => docs.Get(S.Samples, id);

    public IReadOnlyList<SampleRequest> SamplesOf(int opportunityId) => docs.Where(S.Samples, S.Samples["Opportunity"], Int(opportunityId));

    public IReadOnlyList<SampleRequest> SamplesWithStatus(SampleStatus status, int limit) => docs.Where(S.Samples, S.Samples["Status"], status.ToString(), limit);

    public void Add(SampleRequest sample) => docs.Insert(S.Samples, sample);

    public void Save(SampleRequest sample) => docs.Update(S.Samples, sample);

    public Order? Order(int id) => docs.Get(S.Orders, id);

    public IReadOnlyList<Order> OrdersOf(int opportunityId) => docs.Where(S.Orders, S.Orders["Opportunity"], Int(opportunityId));

    public IReadOnlyList<Order> OrdersOfCustomer(int customerId) => docs.Where(S.Orders, S.Orders["Customer"], Int(customerId));

    public void Add(Order order) => docs.Insert(S.Orders, order);

    public void Save(Order order) => docs.Update(S.Orders, order);

    public Invoice? Invoice(int id) => docs.Get(S.Invoices, id);

    public IReadOnlyList<Invoice> OpenInvoicesOf(int customerId) => docs.Range(S.Invoices, S.Invoices["Customer"], Prefix(Int(customerId), "0"));

    public IReadOnlyList<Invoice> InvoicesOf(int customerId) => docs.Range(S.Invoices, S.Invoices["Customer"], Prefix(Int(customerId)));

    public IReadOnlyList<Invoice> InvoicesOwnedBy(int ownerId) => docs.Where(S.Invoices, S.Invoices["Owner"], Int(ownerId));

    public void Add(Invoice invoice) => docs.Insert(S.Invoices, invoice);

    public void Save(Invoice invoice) => docs.Update(S.Invoices, invoice);

    public Payment? Payment(int id) => docs.Get(S.Payments, id);

    public IReadOnlyList<Payment> PaymentsOf(int customerId) => docs.Where(S.Payments, S.Payments["Customer"], Int(customerId));

    public IReadOnlyList<Payment> PaymentsOwnedBy(int ownerId) => docs.Where(S.Payments, S.Payments["Owner"], Int(ownerId));

    public void Add(Payment payment) => docs.Insert(S.Payments, payment);

    public void Save(Payment payment) => docs.Update(S.Payments, payment);
}

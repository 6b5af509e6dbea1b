namespace Zhonghan.Core.Sales;

/// <summary>The sales aggregate: opportunities and what hangs off them (quotes, prices, samples, orders, invoices, payments).</summary>
public interface ISalesStore
{
    Opportunity? Opportunity(int id);
    IReadOnlyList<Opportunity> OpportunitiesOf(int customerId);
    /// <summary>A user's opportunities: open ones first, each group oldest first.</summary>
    IReadOnlyList<Opportunity> OpportunitiesOwnedBy(int ownerId, int limit);
    IReadOnlyList<Opportunity> OpportunitiesAssistedBy(int assistantId, int limit);
    IReadOnlyList<Opportunity> OpportunitiesOfDepartment(int departmentId, int limit);
    IReadOnlyList<Opportunity> OpportunitiesNamed(string nameKey, int limit);
    IReadOnlyList<Opportunity> OpportunitiesNameStartsWith(string prefix, int limit);
    IEnumerable<Opportunity> AllOpportunities();
    void Add(Opportunity opportunity);
    void Save(Opportunity opportunity);

    /// <summary>The funnel counts of a department (kept up to date with every opportunity change).</summary>
    IReadOnlyList<FunnelCell> FunnelOfDepartment(int departmentId);
    IReadOnlyList<FunnelCell> FunnelOfOwner(int ownerId);
    IReadOnlyList<FunnelCell> FunnelOfCompany();

    Quote? Quote(int id);
    IReadOnlyList<Quote> QuotesOf(int opportunityId);
    IReadOnlyList<Quote> QuotesWithStatus(QuoteStatus status, int limit);
    void Add(Quote quote);
    void Save(Quote quote);

    IReadOnlyList<PartPrice> PricesOf(string mpnKey);
    void Add(PartPrice price);
    IReadOnlyList<PriceRequest> PriceRequestsFor(string mpnKey);
    void Add(PriceRequest request);
    void Save(PriceRequest request);

    SampleRequest? Sample(int id);
    IReadOnlyList<SampleRequest> SamplesOf(int opportunityId);
    IReadOnlyList<SampleRequest> SamplesWithStatus(SampleStatus status, int limit);
    void Add(SampleRequest sample);
    void Save(SampleRequest sample);

    Order? Order(int id);
    IReadOnlyList<Order> OrdersOf(int opportunityId);
    IReadOnlyList<Order> OrdersOfCustomer(int customerId);
    void Add(Order order);
    void Save(Order order);

    Invoice? Invoice(int id);
    /// <summary>A customer's open invoices, oldest first.</summary>
    IReadOnlyList<Invoice> OpenInvoicesOf(int customerId);
    IReadOnlyList<Invoice> InvoicesOf(int customerId);
    IReadOnlyList<Invoice> InvoicesOwnedBy(int ownerId);
    void Add(Invoice invoice);
    void Save(Invoice invoice);

    Payment? Payment(int id);
    IReadOnlyList<Payment> PaymentsOf(int customerId);
    IReadOnlyList<Payment> PaymentsOwnedBy(int ownerId);
    void Add(Payment payment);
    void Save(Payment payment);
}

/// <summary>
/// One cell of the funnel: how many opportunities are at <see cref="Stage"/> having reached <see cref="Furthest"/>
/// (a pipeline index), and their amount.
/// </summary>
public sealed record FunnelCell(Stage Stage, int Furthest, int Count, decimal Amount);

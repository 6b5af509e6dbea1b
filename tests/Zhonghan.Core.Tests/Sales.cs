using Microsoft.Extensions.Logging.Abstractions;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Reminders;
using Zhonghan.Core.Sales;

namespace Zhonghan.Core.Tests;

/// <summary>The sales services over the <see cref="Crm"/> test company (notices are queued; no channel is registered to send them).</summary>
public sealed class Sales : IDisposable
{
    public Crm Crm { get; }
    public SalesOptions Options { get; }
    public ISalesStore Db { get; }
    public DeliveryQueue Deliveries { get; }
    public StageGates Gates { get; }
    public ApprovalRouting Routing { get; }
    public OpportunityService Opportunities { get; }
    public QuoteService Quotes { get; }
    public QuoteApprovals Approvals { get; }
    public SampleService Samples { get; }
    public OrderService Orders { get; }
    public Receivables Receivables { get; }
    public PayService Pay { get; }

    public Sales(SalesOptions? options = null, MemoryStream? stream = null)
    {
        Crm = new Crm(stream: stream);
        Options = options ?? new SalesOptions();
        Db = Crm.Store.Sales;
        Gates = new StageGates(Db, Options);
        Routing = new ApprovalRouting(Options, Crm.Users);
        var notifier = new Notifier([], new AddressBook(Crm.Store.Conversations, Crm.Units, Crm.Clock));
        Deliveries = new DeliveryQueue(Crm.Store.Reminders, notifier, Crm.Users, KindWords.Instance, Crm.Units, Crm.Clock, NullLogger<DeliveryQueue>.Instance);
        var tokens = new ActionTokens(Crm.Store.Conversations, Crm.Units, Crm.Clock);
        Opportunities = new OpportunityService(Db, Crm.Customers, Gates, KindWords.Instance, Crm.Audit, Crm.Clock);
        Quotes = new QuoteService(Db, Crm.Store.Counters, Opportunities, Crm.Users, Deliveries, KindWords.Instance, Crm.Audit, Crm.Clock);
        Approvals = new QuoteApprovals(Db, Quotes, Opportunities, Routing, tokens, Crm.Customers, Crm.Users, Deliveries, KindWords.Instance, Crm.Audit, Crm.Clock);
        Samples = new SampleService(Db, Opportunities, Routing, tokens, Options, Crm.Users, Deliveries, KindWords.Instance, Crm.Audit, Crm.Clock);
        Orders = new OrderService(Db, Opportunities, Crm.Customers, Options, Crm.Users, Deliveries, KindWords.Instance, Crm.Audit, Crm.Clock);
        Receivables = new Receivables(Db, Crm.Customers, Crm.Audit, Crm.Clock);
        Pay = new PayService(Receivables, Options, Crm.Users, Crm.Clock);
    }

    public Security.Actor Alice => Crm.As(Crm.Alice);

    public Opportunity Opportunity(string company = "测试电子有限公司", string project = "储能变流器")
    {
        var c = Crm.Lead(Crm.Alice, company);
        return Opportunities.Create(Alice, c.Id, project);
    }

    public void Dispose() => Crm.Dispose();
}

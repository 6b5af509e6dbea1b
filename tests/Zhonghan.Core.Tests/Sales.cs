using Zhonghan.Core.Conversations;
using Zhonghan.Core.Sales;

namespace Zhonghan.Core.Tests;

/// <summary>The sales services over the <see cref="Crm"/> test company (notifications go nowhere: no channel is registered).</summary>
public sealed class Sales : IDisposable
{
    public Crm Crm { get; }
    public SalesOptions Options { get; }
    public SalesDb Db { get; }
    public StageGates Gates { get; }
    public ApprovalRouting Routing { get; }
    public OpportunityService Opportunities { get; }
    public QuoteService Quotes { get; }
    public QuoteApprovals Approvals { get; }
    public SampleService Samples { get; }
    public OrderService Orders { get; }
    public Receivables Receivables { get; }
    public PayService Pay { get; }

    public Sales(SalesOptions? options = null)
    {
        Crm = new Crm();
        Options = options ?? new SalesOptions();
        Db = new SalesDb(Crm.Db);
        Gates = new StageGates(Db, Options);
        Routing = new ApprovalRouting(Options, Crm.Users);
        var notifier = new Notifier([], new AddressBook(Crm.Db, Crm.Clock));
        var tokens = new ActionTokens(Crm.Db, Crm.Clock);
        Opportunities = new OpportunityService(Db, Crm.Customers, Gates, Crm.Audit, Crm.Clock);
        Quotes = new QuoteService(Db, Opportunities, Crm.Users, notifier, Crm.Audit, Crm.Clock);
        Approvals = new QuoteApprovals(Db, Quotes, Opportunities, Routing, tokens, Crm.Customers, Crm.Users, notifier, Crm.Audit, Crm.Clock);
        Samples = new SampleService(Db, Opportunities, Routing, tokens, Options, Crm.Users, notifier, Crm.Audit, Crm.Clock);
        Orders = new OrderService(Db, Opportunities, Crm.Customers, Options, Crm.Users, notifier, Crm.Audit, Crm.Clock);
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

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Reminders;
using Zhonghan.Core.Sales;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;
using Zhonghan.Storage.Documents;
using Zhonghan.Storage.Schema;
using Zhonghan.Storage.Stores;

namespace Zhonghan.Storage;

/// <summary>
/// The store of the app on one engine: the committer, units of work and every aggregate's store. One per data
/// store for the app's life; disposing it commits what is waiting, then closes the engine.
/// </summary>
public sealed class DocumentStore : IDisposable
{
    private readonly GroupCommitter committer;

    public DocumentStore(IDocumentEngine engine, ILoggerFactory? logs = null)
    {
        Engine = engine;
        engine.EnsureSchema(Sets.All);
        committer = new GroupCommitter(engine, (logs ?? NullLoggerFactory.Instance).CreateLogger<GroupCommitter>());
        var units = new UnitsOfWork(engine, committer);
        Units = units;
        Documents = new Documents.Documents(engine, units);
        // The hook writes through the same units as everyone else.
        units.SetHooks([new FunnelHook(Documents)]);
        Customers = new CustomerStore(Documents);
        Users = new UserStore(Documents);
        Audit = new AuditStore(Documents);
        Counters = new CounterStore(Documents);
        Sales = new SalesStore(Documents);
        Reminders = new ReminderStore(Documents);
        Conversations = new ConversationStore(Documents);
        ChannelState = new ChannelStateStore(Documents);
        if (engine.Count(SalesSets.Funnel, SalesSets.Funnel["Scope"], new KeyRange("", Keys.Last)) == 0
            && engine.Range(SalesSets.Opportunities, SalesSets.Opportunities["Customer"], new KeyRange("", Keys.Last), 0, 1).Count > 0)
            FunnelHook.Rebuild(engine);
    }

    public IDocumentEngine Engine { get; }
    public UnitsOfWork Units { get; }
    public Documents.Documents Documents { get; }
    public ICustomerStore Customers { get; }
    public IUserStore Users { get; }
    public IAuditStore Audit { get; }
    public ICounterStore Counters { get; }
    public ISalesStore Sales { get; }
    public IReminderStore Reminders { get; }
    public IConversationStore Conversations { get; }
    public IChannelState ChannelState { get; }

    /// <summary>How much group commit shares commits (units per batch).</summary>
    public (long Batches, long Units) CommitStats => committer.Stats;

    /// <summary>Time the engine spent applying commits so far.</summary>
    public TimeSpan CommitTime => committer.ApplyTime;

    public void Dispose()
    {
        committer.Dispose();
        Engine.Dispose();
    }
}

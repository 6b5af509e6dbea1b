using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Storage;
using Zhonghan.Storage.Documents;
using Zhonghan.Storage.LiteDb;
using Zhonghan.Storage.Schema;

namespace Zhonghan.Testing;

/// <summary>What tests read straight from the store (committed data), to check what a turn left behind.</summary>
public static class StoreQueries
{
    public static IReadOnlyList<T> All<T>(this DocumentStore store, DocSet<T> set) where T : class => store.Documents.All(set).ToList();

    public static int Count<T>(this DocumentStore store, DocSet<T> set) where T : class => store.Engine.All(set).Count();

    public static IReadOnlyList<Customer> AllCustomers(this DocumentStore store) => store.All(CrmSets.Customers);

    public static IReadOnlyList<FollowUp> AllFollowUps(this DocumentStore store) => store.All(CrmSets.FollowUps);

    public static IReadOnlyList<ProcessedMessage> AllProcessed(this DocumentStore store) => store.All(ConversationSets.Processed);

    /// <summary>Opens a stopped bot's data folder to look inside (dispose it before starting the bot again).</summary>
    public static DocumentStore OpenFolder(string dataDir) => new(LiteDbEngine.OpenFolder(dataDir));
}

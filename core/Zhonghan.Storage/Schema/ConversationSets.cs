using Zhonghan.Core.Conversations;
using Zhonghan.Core.Reminders;
using Zhonghan.Core.Storage;
using Zhonghan.Storage.Documents;
using static Zhonghan.Storage.Documents.Keys;

namespace Zhonghan.Storage.Schema;

/// <summary>Conversation state, reminders, the delivery queue and the channels' small records.</summary>
public static class ConversationSets
{
    /// <summary>One record per message taken; purged after three days (channels retry within seconds).</summary>
    public static readonly DocSet<ProcessedMessage> Processed = new("processed", IdKind.String, m => m.Id, null,
        IndexDef<ProcessedMessage>.On("At", m => Time(m.At)));

    public static readonly DocSet<DialogState> Dialogs = new("dialogs", IdKind.String, d => d.Id, null);

    public static readonly DocSet<StoredAddress> Addresses = new("addresses", IdKind.String, a => a.Id, null,
        IndexDef<StoredAddress>.On("User", a => Int(a.UserId)));

    public static readonly DocSet<ActionToken> Tokens = new("action_tokens", IdKind.String, t => t.Id, null,
        IndexDef<ActionToken>.On("Group", t => t.Group));

    public static readonly DocSet<Reminder> Reminders = new("reminders", IdKind.Int32, r => r.Id, (r, id) => r.Id = (int)id,
        IndexDef<Reminder>.On("Due", r => Time(r.DueAt)),
        IndexDef<Reminder>.On("User", r => Join(Int(r.UserId), r.Status.ToString(), Time(r.DueAt))));

    /// <summary>The durable queue of proactive messages: pending ones by creation, sent ones purged after a week.</summary>
    public static readonly DocSet<Delivery> Deliveries = new("deliveries", IdKind.String, d => d.Id, null,
        IndexDef<Delivery>.On("Pending", d => d.Status == DeliveryStatus.Pending ? Time(d.CreatedAt) : null),
        IndexDef<Delivery>.On("Sent", d => d.Status == DeliveryStatus.Sent && d.SentAt is DateTime s ? Time(s) : null));

    public static readonly DocSet<ChannelRecord> ChannelState = new("channel_state", IdKind.String, r => r.Id, null,
        IndexDef<ChannelRecord>.On("Key", r => r.Id),
        IndexDef<ChannelRecord>.On("Time", r => Join(r.Bucket, Time(r.At))));

    public static IEnumerable<DocSet> All => [Processed, Dialogs, Addresses, Tokens, Reminders, Deliveries, ChannelState];
}

public static class Sets
{
    /// <summary>Every collection of the store, for the engine to create and check.</summary>
    public static IReadOnlyList<DocSet> All { get; } = [.. CrmSets.All, .. SalesSets.All, .. ConversationSets.All];
}

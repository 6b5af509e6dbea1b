using LiteDB;
using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Conversations;

/// <summary>A stored conversation address of a user on a channel, refreshed by every inbound turn.</summary>
public sealed class StoredAddress
{
    /// <summary>"{userId}|{channel}".</summary>
    public string Id { get; set; } = "";
    public int UserId { get; set; }
    public string Channel { get; set; } = "";
    public ConversationAddress Address { get; set; } = new();
    public DateTime LastSeenAt { get; set; }
}

/// <summary>Where each user was last seen on each channel, so proactive messages can reach them.</summary>
public sealed class AddressBook
{
    private readonly ILiteCollection<StoredAddress> addresses;
    private readonly TimeProvider clock;

    public AddressBook(CrmDb db, TimeProvider clock)
    {
        this.clock = clock;
        addresses = db.Collection<StoredAddress>("addresses");
        addresses.EnsureIndex(x => x.UserId);
    }

    public void Remember(int userId, ConversationAddress address)
    {
        var id = $"{userId}|{address.Channel}";
        addresses.Upsert(new StoredAddress
        {
            Id = id, UserId = userId, Channel = address.Channel, Address = address,
            LastSeenAt = clock.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>The user's addresses, most recently used first.</summary>
    public IReadOnlyList<StoredAddress> For(int userId) =>
        addresses.Find(Q.Eq(nameof(StoredAddress.UserId), userId)).OrderByDescending(a => a.LastSeenAt).ToList();

    public ConversationAddress? For(int userId, string channel) => addresses.FindById($"{userId}|{channel}")?.Address;
}

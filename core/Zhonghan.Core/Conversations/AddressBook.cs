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
public sealed class AddressBook(IConversationStore store, IUnitOfWorkFactory units, TimeProvider clock)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Fingerprint, DateTime At)> recent = new();

    /// <summary>
    /// Stores the address a user just wrote from, in the turn's unit of work. Called on every turn, so it writes only
    /// when the address changed or the stored "last seen" is over an hour old (it orders channels; minutes do not matter).
    /// </summary>
    public void Remember(int userId, ConversationAddress address)
    {
        var id = $"{userId}|{address.Channel}";
        var now = clock.GetUtcNow().UtcDateTime;
        var fingerprint = Fingerprint(address);
        if (recent.TryGetValue(id, out var last) && last.Fingerprint == fingerprint && now - last.At < TimeSpan.FromHours(1)) return;
        store.SaveAddress(new StoredAddress { Id = id, UserId = userId, Channel = address.Channel, Address = address, LastSeenAt = now });
        units.OnCommitted(() => recent[id] = (fingerprint, now));
    }

    private static string Fingerprint(ConversationAddress a) =>
        string.Join('\u001f', new[] { a.UserId, a.ConversationId, a.ServiceUrl, a.TenantId, a.BotId }
            .Concat(a.Extra.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + e.Value)));

    /// <summary>The user's addresses, most recently used first.</summary>
    public IReadOnlyList<StoredAddress> For(int userId) => store.AddressesOf(userId).OrderByDescending(a => a.LastSeenAt).ToList();

    public ConversationAddress? For(int userId, string channel) => store.Address($"{userId}|{channel}")?.Address;
}

using Zhonghan.Core.People;

namespace Zhonghan.Core.Conversations;

/// <summary>
/// Sends proactive messages to CRM users on the channel they last used (among the channels that have a messenger),
/// falling back to an address derived from their ids (WeCom userid) and finally to the local chat.
/// </summary>
public sealed class Notifier(IEnumerable<IMessenger> messengers, AddressBook addresses)
{
    private readonly Dictionary<string, IMessenger> byChannel =
        messengers.GroupBy(m => m.Channel).ToDictionary(g => g.Key, g => g.Last());

    public bool Has(string channel) => byChannel.ContainsKey(channel);

    public IMessenger? For(string channel) => byChannel.GetValueOrDefault(channel);

    /// <summary>The messenger and address a message to this user goes through now, or null when no channel reaches them.</summary>
    public (IMessenger Messenger, ConversationAddress Address)? Route(User user) =>
        AddressOf(user) is { } address ? (byChannel[address.Channel], address) : null;

    /// <summary>Where a message to this user goes now.</summary>
    public ConversationAddress? AddressOf(User user)
    {
        foreach (var stored in addresses.For(user.Id))
            if (byChannel.ContainsKey(stored.Channel)) return stored.Address;
        if (!string.IsNullOrEmpty(user.WeComUserId) && byChannel.ContainsKey(Channels.WeCom))
            return ConversationAddress.For(Channels.WeCom, user.WeComUserId);
        if (!string.IsNullOrEmpty(user.TeamsAadObjectId) && byChannel.ContainsKey(Channels.Teams))
            return ConversationAddress.For(Channels.Teams, user.TeamsAadObjectId);
        if (byChannel.ContainsKey(Channels.Local)) return ConversationAddress.For(Channels.Local, user.LocalName);
        return null;
    }

    public Task<SendResult> NotifyAsync(User user, Reply reply, CancellationToken ct, string? idempotencyKey = null) =>
        NotifyAsync(user, [reply], new SendOptions { IdempotencyKey = idempotencyKey }, ct);

    public async Task<SendResult> NotifyAsync(User user, IReadOnlyList<Reply> replies, SendOptions options, CancellationToken ct)
    {
        if (Route(user) is not var (messenger, address)) return SendResult.Failed($"no channel reaches user {user.LocalName}");
        return await messenger.SendAsync(address, replies, options, ct);
    }

    public async Task<SendResult> SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, SendOptions options, CancellationToken ct)
    {
        if (!byChannel.TryGetValue(address.Channel, out var messenger))
            return SendResult.Failed($"no messenger for channel {address.Channel}");
        return await messenger.SendAsync(address, replies, options, ct);
    }
}

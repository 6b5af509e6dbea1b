using Zhonghan.Adapters.Teams.Model;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.Teams.Mapping;

public enum InboundKind
{
    /// <summary>A turn for the pipeline; replies go back through the Connector.</summary>
    Turn,
    /// <summary>An <c>adaptiveCard/action</c> invoke carrying our button: answered in the HTTP response.</summary>
    CardInvoke,
    /// <summary>An <c>adaptiveCard/action</c> invoke whose data is not ours (another app's card, a forged press).</summary>
    ForeignCardInvoke,
    /// <summary>Any other invoke name: not implemented.</summary>
    OtherInvoke,
    /// <summary>Nothing to do (typing, reactions, member removed, other channels …): answered 200.</summary>
    Ignored,
}

/// <summary>What an inbound activity means for the bot.</summary>
public sealed record TeamsInbound(InboundKind Kind, Turn? Turn = null, string? Reason = null)
{
    public static TeamsInbound Ignore(string reason) => new(InboundKind.Ignored, Reason: reason);
}

/// <summary>Pure mapping of a Teams activity to a channel-neutral <see cref="Turn"/>. No I/O, no clock.</summary>
public static class ActivityMapper
{
    public const string TeamsChannelId = "msteams";
    /// <summary>Long enough for any command; longer text is cut, not rejected.</summary>
    public const int MaxTextLength = 8000;

    /// <param name="appId">Our App ID: a <c>membersAdded</c> entry <c>28:{appId}</c> also means "the bot was added".</param>
    public static TeamsInbound Map(Activity a, string? appId = null)
    {
        if (!string.Equals(a.ChannelId, TeamsChannelId, StringComparison.OrdinalIgnoreCase))
            return TeamsInbound.Ignore($"channel '{a.ChannelId}' is not Teams");
        if (a.Conversation?.Id is not { Length: > 0 } || a.From?.Id is not { Length: > 0 } || string.IsNullOrEmpty(a.ServiceUrl))
            return TeamsInbound.Ignore("activity without conversation, sender or serviceUrl");
        if (string.IsNullOrEmpty(a.Id)) return TeamsInbound.Ignore("activity without id");

        switch (a.Type)
        {
            case ActivityTypes.Message:
                if (CardActionData.TryRead(a.Value, a.ReplyToId) is { } submitted)
                    return new TeamsInbound(InboundKind.Turn, NewTurn(a, TurnKind.CardAction, action: submitted));
                var text = Mentions.Clean(a);
                if (text.Length > MaxTextLength) text = text[..MaxTextLength];
                if (text.Length > 0) return new TeamsInbound(InboundKind.Turn, NewTurn(a, TurnKind.Message, text));
                return UnsupportedType(a) is { } what
                    ? new TeamsInbound(InboundKind.Turn, NewTurn(a, TurnKind.Unsupported, unsupported: what))
                    : TeamsInbound.Ignore("empty message");
            case ActivityTypes.ConversationUpdate:
                return BotAdded(a, appId)
                    ? new TeamsInbound(InboundKind.Turn, NewTurn(a, TurnKind.Welcome))
                    : TeamsInbound.Ignore("conversationUpdate without the bot being added");
            case ActivityTypes.Invoke when a.Name == ActivityTypes.AdaptiveCardAction:
                var action = CardActionData.TryRead(a.Value?["action"]?["data"], a.ReplyToId);
                return action is null
                    ? new TeamsInbound(InboundKind.ForeignCardInvoke, Reason: "card action data is not ours")
                    : new TeamsInbound(InboundKind.CardInvoke, NewTurn(a, TurnKind.CardAction, action: action));
            case ActivityTypes.Invoke:
                return new TeamsInbound(InboundKind.OtherInvoke, Reason: $"invoke '{a.Name}' is not handled");
            default:
                return TeamsInbound.Ignore($"activity type '{a.Type}' is not handled");
        }
    }

    /// <summary>Where replies to this activity's sender go; stored per user by the pipeline.</summary>
    public static ConversationAddress AddressOf(Activity a)
    {
        var address = new ConversationAddress
        {
            Channel = Channels.Teams, UserId = a.From?.Id ?? "", ConversationId = a.Conversation?.Id, ServiceUrl = a.ServiceUrl,
            TenantId = a.TenantId, BotId = a.Recipient?.Id,
        };
        address.Extra[AddressKeys.ConversationType] = ConversationTypeOf(a);
        if (a.From?.AadObjectId is { Length: > 0 } aad) address.Extra[AddressKeys.AadObjectId] = aad;
        if (a.Recipient?.Name is { Length: > 0 } bot) address.Extra[AddressKeys.BotName] = bot;
        return address;
    }

    /// <summary>Unique per conversation: Teams ids repeat across conversations, and retries keep both.</summary>
    public static string MessageIdOf(Activity a) => BoundedId.Of($"{a.Id}|{a.Conversation?.Id}");

    public static string ConversationTypeOf(Activity a) => a.Conversation?.ConversationType is { Length: > 0 } t ? t
        : a.Conversation?.Id?.StartsWith("19:", StringComparison.Ordinal) == true
            ? (a.ChannelData?["channel"] is not null ? ConversationTypes.Channel : ConversationTypes.GroupChat)
            : ConversationTypes.Personal;

    private static Turn NewTurn(Activity a, TurnKind kind, string? text = null, CardActionInput? action = null, string? unsupported = null) => new()
    {
        Channel = Channels.Teams,
        MessageId = MessageIdOf(a),
        // The CRM maps Teams users by AAD object id; a payload without one still gets an answer (the "ask an admin" one).
        SenderId = a.From!.AadObjectId is { Length: > 0 } aad ? aad : a.From.Id!,
        SenderName = a.From.Name,
        Address = AddressOf(a),
        Kind = kind,
        Text = text,
        Action = action,
        UnsupportedType = unsupported,
    };

    private static bool BotAdded(Activity a, string? appId) =>
        a.MembersAdded?.Any(m => m.Id is { Length: > 0 } id
            && (string.Equals(id, a.Recipient?.Id, StringComparison.OrdinalIgnoreCase)
                || (!string.IsNullOrEmpty(appId) && string.Equals(id, $"28:{appId}", StringComparison.OrdinalIgnoreCase)))) == true;

    private static string? UnsupportedType(Activity a)
    {
        foreach (var att in a.Attachments ?? [])
        {
            var type = att.ContentType ?? "";
            if (type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)) return "image";
            if (type.StartsWith("video/", StringComparison.OrdinalIgnoreCase)) return "video";
            if (type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)) return "voice";
            if (type.Contains("file", StringComparison.OrdinalIgnoreCase)) return "file";
        }
        return null;
    }
}

/// <summary>Keys of <see cref="ConversationAddress.Extra"/> for Teams.</summary>
public static class AddressKeys
{
    public const string ConversationType = "conversationType";
    public const string AadObjectId = "aadObjectId";
    public const string BotName = "botName";
}

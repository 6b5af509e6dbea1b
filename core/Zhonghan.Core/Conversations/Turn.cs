namespace Zhonghan.Core.Conversations;

/// <summary>What kind of inbound event a turn carries.</summary>
public enum TurnKind
{
    /// <summary>A text message.</summary>
    Message,
    /// <summary>A card button was pressed.</summary>
    CardAction,
    /// <summary>The user opened the bot or added it (welcome + help).</summary>
    Welcome,
    /// <summary>Something we do not handle yet (image, voice, file): answered politely.</summary>
    Unsupported,
}

/// <summary>One inbound message or event, channel-neutral. Adapters build it; the pipeline consumes it.</summary>
public sealed class Turn
{
    public required string Channel { get; init; }
    /// <summary>Channel message id used for de-duplication (unique per channel).</summary>
    public required string MessageId { get; init; }
    /// <summary>The sender's id on the channel (WeCom userid, Teams AAD object id, local name).</summary>
    public required string SenderId { get; init; }
    public string? SenderName { get; init; }
    public required ConversationAddress Address { get; init; }
    public TurnKind Kind { get; init; } = TurnKind.Message;
    public string? Text { get; init; }
    public CardActionInput? Action { get; init; }
    /// <summary>For <see cref="TurnKind.Unsupported"/>: what arrived (image, voice, file …).</summary>
    public string? UnsupportedType { get; init; }
    /// <summary>True when the sender is an outside customer (WeChat customer service, local "客户-" names).</summary>
    public bool FromCustomer { get; init; }
    /// <summary>Set by a channel that may stop waiting before the turn is done (see <see cref="AnswerRoute"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public AnswerRoute? Answer { get; init; }

    /// <summary>This turn, answered through <paramref name="route"/>.</summary>
    public Turn WithAnswer(AnswerRoute route) => new()
    {
        Channel = Channel, MessageId = MessageId, SenderId = SenderId, SenderName = SenderName, Address = Address, Kind = Kind,
        Text = Text, Action = Action, UnsupportedType = UnsupportedType, FromCustomer = FromCustomer, Answer = route,
    };
}

/// <summary>A card button press: the action id and its payload, plus the channel's handle of the card message.</summary>
public sealed class CardActionInput
{
    public required string ActionId { get; init; }
    public Dictionary<string, string> Payload { get; init; } = new();
    /// <summary>Channel handle of the card (WeCom response_code / task_id, Teams activity id) used to update it.</summary>
    public string? CardRef { get; init; }
}

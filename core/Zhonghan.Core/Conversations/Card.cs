namespace Zhonghan.Core.Conversations;

/// <summary>
/// A channel-neutral card: title, key/value fields and buttons. WeCom renders it as a template card,
/// Teams as an Adaptive Card, the local chat as HTML.
/// </summary>
public sealed class Card
{
    public string Title { get; set; } = "";
    public string? Subtitle { get; set; }
    public List<CardField> Fields { get; set; } = new();
    /// <summary>Free lines under the fields (e.g. a timeline).</summary>
    public List<string> Lines { get; set; } = new();
    public List<CardAction> Actions { get; set; } = new();
    /// <summary>Set once the card's decision is taken (e.g. "已同意 · 李四"); buttons are then shown disabled.</summary>
    public string? Outcome { get; set; }
}

public sealed class CardField
{
    public string Label { get; set; } = "";
    public string Value { get; set; } = "";

    public CardField() { }
    public CardField(string label, string value) { Label = label; Value = value; }
}

public enum CardActionStyle { Default, Primary, Danger }

/// <summary>
/// A button. <see cref="Id"/> names the handler (e.g. <c>cmd</c> runs <c>Payload["text"]</c> as if typed;
/// <c>act</c> redeems a one-shot <c>Payload["token"]</c>). The payload travels through the channel and back.
/// The core makes typed buttons (<see cref="Run"/>); the bot renders their <see cref="Intent"/> into command text
/// before the button leaves it (see <see cref="CommandButtons.Render"/>).
/// </summary>
public sealed class CardAction
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public Dictionary<string, string> Payload { get; set; } = new();
    public CardActionStyle Style { get; set; }
    /// <summary>What the button does, typed, until the bot renders it into its command words.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public CommandIntent? Intent { get; set; }

    /// <summary>A button that does <paramref name="intent"/> (the bot words it as the command that serves it).</summary>
    public static CardAction Run(string title, CommandIntent intent, CardActionStyle style = CardActionStyle.Default) =>
        new() { Id = "cmd", Title = title, Intent = intent, Style = style };

    /// <summary>A button that sends a command, exactly as if the user had typed it.</summary>
    public static CardAction Command(string title, string text, CardActionStyle style = CardActionStyle.Default) =>
        new() { Id = "cmd", Title = title, Payload = new() { ["text"] = text }, Style = style };

    /// <summary>A one-shot decision button bound to a stored action token (see the pipeline's card-action route).</summary>
    public static CardAction Token(string title, string token, CardActionStyle style = CardActionStyle.Default) =>
        new() { Id = "act", Title = title, Payload = new() { ["token"] = token }, Style = style };
}

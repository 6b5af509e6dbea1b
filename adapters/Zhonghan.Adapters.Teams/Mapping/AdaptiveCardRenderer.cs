using System.Text.Json.Nodes;
using Zhonghan.Adapters.Teams.Mapping;
using Zhonghan.Core.Conversations;
using Zhonghan.Adapters.Teams.Messaging;

namespace Zhonghan.Adapters.Teams.Mapping;

/// <summary>
/// The core <see cref="Card"/> as an Adaptive Card 1.5 (the highest version Teams renders), built by hand because the
/// AdaptiveCards package is not available. Buttons are <c>Action.Execute</c> (answered in place, the card can be
/// replaced) with an <c>Action.Submit</c> fallback for clients without Universal Actions.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";
    /// <summary>Teams shows at most six actions in one row; more go into action sets in the body.</summary>
    private const int MaxTopLevelActions = 6;
    private const int ActionSetSize = 5;
    private const int MaxLines = 60;

    public static JsonObject Render(Card card)
    {
        var body = new JsonArray { Text(card.Title, bold: true, size: "Medium") };
        if (!string.IsNullOrWhiteSpace(card.Subtitle)) body.Add(Text(card.Subtitle, subtle: true, spacing: "None"));
        if (card.Fields.Count > 0)
        {
            var facts = new JsonArray();
            foreach (var f in card.Fields) facts.Add(new JsonObject { ["title"] = f.Label, ["value"] = f.Value });
            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }
        foreach (var line in card.Lines.Take(MaxLines)) body.Add(Text(line, spacing: "None"));
        if (card.Lines.Count > MaxLines) body.Add(Text($"…（另有 {card.Lines.Count - MaxLines} 行未显示）", subtle: true, spacing: "None"));
        if (!string.IsNullOrWhiteSpace(card.Outcome)) body.Add(Outcome(card.Outcome));

        // Once decided, the buttons stay visible but disabled (isEnabled is Adaptive Cards 1.5); a press that still gets
        // through is refused by the one-shot token anyway.
        var enabled = string.IsNullOrWhiteSpace(card.Outcome);
        var actions = card.Actions.Select(a => Action(a, enabled)).ToList();
        var result = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["fallbackText"] = card.Title,
            ["body"] = body,
        };
        if (actions.Count <= MaxTopLevelActions)
        {
            if (actions.Count > 0) result["actions"] = new JsonArray(actions.ToArray<JsonNode?>());
        }
        else
        {
            foreach (var chunk in actions.Chunk(ActionSetSize))
                body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(chunk.ToArray<JsonNode?>()) });
        }
        result["msteams"] = new JsonObject { ["width"] = "Full" };
        return result;
    }

    private static JsonObject Action(CardAction a, bool enabled)
    {
        var execute = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = a.Title,
            ["verb"] = a.Id,
            ["data"] = CardActionData.Write(a),
        };
        var submit = new JsonObject { ["type"] = "Action.Submit", ["title"] = a.Title, ["data"] = CardActionData.Write(a) };
        if (Style(a.Style) is { } style) { execute["style"] = style; submit["style"] = style; }
        if (!enabled) { execute["isEnabled"] = false; submit["isEnabled"] = false; }
        execute["fallback"] = submit;
        return execute;
    }

    private static string? Style(CardActionStyle style) => style switch
    {
        CardActionStyle.Primary => "positive",
        CardActionStyle.Danger => "destructive",
        _ => null,
    };

    private static JsonObject Outcome(string text) => new()
    {
        ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["weight"] = "Bolder", ["color"] = "Good", ["separator"] = true,
    };

    private static JsonObject Text(string text, bool bold = false, bool subtle = false, string? size = null, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (bold) block["weight"] = "Bolder";
        if (subtle) block["isSubtle"] = true;
        if (size is not null) block["size"] = size;
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }
}

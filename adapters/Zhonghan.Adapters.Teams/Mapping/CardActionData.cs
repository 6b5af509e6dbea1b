using System.Text.Json;
using System.Text.Json.Nodes;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.Teams.Mapping;

/// <summary>
/// What a card button carries through Teams and back: <c>{"cardAction": id, "payload": {…}}</c>. It must be an object —
/// a string <c>data</c> would arrive as typed text. Action.Submit merges input values into it; they are ignored.
/// </summary>
public static class CardActionData
{
    public const string IdKey = "cardAction";
    public const string PayloadKey = "payload";
    private const int MaxValueLength = 4000;
    private const int MaxEntries = 32;

    public static JsonObject Write(CardAction action)
    {
        var payload = new JsonObject();
        foreach (var (k, v) in action.Payload) payload[k] = v;
        return new JsonObject { [IdKey] = action.Id, [PayloadKey] = payload };
    }

    /// <summary>Our action in a submit value or an invoke's <c>action.data</c>; null when it is someone else's data.</summary>
    public static CardActionInput? TryRead(JsonNode? data, string? cardRef)
    {
        if (data is not JsonObject o || Model.Json.String(o[IdKey]) is not { Length: > 0 and <= 32 } id) return null;
        var payload = new Dictionary<string, string>();
        if (o[PayloadKey] is JsonObject p)
        {
            foreach (var (key, value) in p.Take(MaxEntries))
            {
                var text = value switch
                {
                    null => null,
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                    _ => value.ToJsonString(),
                };
                if (text is not null && text.Length <= MaxValueLength) payload[key] = text;
            }
        }
        return new CardActionInput { ActionId = id, Payload = payload, CardRef = cardRef };
    }
}

using System.Text;
using System.Text.Json;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom.Mapping;

/// <summary>
/// A card button travels through WeCom as its <c>key</c> (returned as <c>EventKey</c> when pressed, at most 1024
/// bytes). The two common buttons get short readable keys; anything else is its id and payload as JSON.
/// </summary>
public static class CardKeys
{
    public const int MaxKeyBytes = 1024;

    /// <summary>The button's key, or null when it would be too long for WeCom.</summary>
    public static string? Encode(CardAction action)
    {
        var key = action switch
        {
            { Id: "act", Payload.Count: 1 } when action.Payload.TryGetValue("token", out var t) => "act:" + t,
            { Id: "cmd", Payload.Count: 1 } when action.Payload.TryGetValue("text", out var c) => "cmd:" + c,
            _ => "j:" + JsonSerializer.Serialize(new Packed(action.Id, action.Payload)),
        };
        return Encoding.UTF8.GetByteCount(key) <= MaxKeyBytes ? key : null;
    }

    /// <summary>The action a pressed key stands for; unknown keys come back as an action nobody handles.</summary>
    public static (string Id, Dictionary<string, string> Payload) Decode(string key)
    {
        if (key.StartsWith("act:", StringComparison.Ordinal)) return ("act", new() { ["token"] = key[4..] });
        if (key.StartsWith("cmd:", StringComparison.Ordinal)) return ("cmd", new() { ["text"] = key[4..] });
        if (key.StartsWith("j:", StringComparison.Ordinal))
        {
            try
            {
                var packed = JsonSerializer.Deserialize<Packed>(key[2..]);
                if (packed?.Id is { Length: > 0 }) return (packed.Id, packed.Payload ?? new());
            }
            catch (JsonException) { /* a forged or stale key: handled below like any unknown key */ }
        }
        return ("unknown", new() { ["key"] = key });
    }

    private sealed record Packed(string Id, Dictionary<string, string>? Payload);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Zhonghan.Adapters.Teams.Model;

/// <summary>Body of <c>POST /v3/conversations</c>.</summary>
public sealed class ConversationParameters
{
    public bool IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public JsonNode? ChannelData { get; set; }
}

/// <summary>Answer of <c>POST /v3/conversations</c>: the new (or existing, for 1:1) conversation.</summary>
public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
}

/// <summary>Answer of a send / reply / update: the message id (channel posts may answer 202 without one).</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

/// <summary>Connector error body: <c>{"error":{"code","message"}}</c>.</summary>
public sealed class ErrorResponse
{
    public ErrorBody? Error { get; set; }
}

public sealed class ErrorBody
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}

/// <summary>The client-credentials token answer of the Microsoft identity platform.</summary>
public sealed class TokenResponse
{
    [JsonPropertyName("token_type")] public string? TokenType { get; set; }
    [JsonPropertyName("expires_in")] public int ExpiresIn { get; set; }
    [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("error_description")] public string? ErrorDescription { get; set; }
}

/// <summary>
/// The HTTP body answering an <c>adaptiveCard/action</c> invoke (Universal Actions): a replacement card, a message, or
/// an error. See AdaptiveCards <c>universal-action-model</c>; the returned card replaces the pressed one.
/// </summary>
public sealed class AdaptiveCardInvokeResponse
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public int StatusCode { get; set; }
    public string Type { get; set; } = "";
    public JsonNode? Value { get; set; }

    public static AdaptiveCardInvokeResponse Card(JsonObject card) => new() { StatusCode = 200, Type = CardType, Value = card };
    public static AdaptiveCardInvokeResponse Message(string text) => new() { StatusCode = 200, Type = MessageType, Value = JsonValue.Create(text) };
    public static AdaptiveCardInvokeResponse Failure(int status, string code, string message) => new()
    {
        StatusCode = status, Type = ErrorType, Value = new JsonObject { ["code"] = code, ["message"] = message },
    };
}

/// <summary>One System.Text.Json setup for the wire: camelCase, nulls left out (bots must not send empty fields).</summary>
public static class TeamsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Chinese text stays readable in logs and test output; the transport is UTF-8 either way.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

using System.Text.Json.Serialization;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.LocalChat.Model;

/// <summary>
/// POST /api/chat {"user","text"} or {"user","action":{"id","payload"}} → {"replies":[{"text","card","images","files"}]}.
/// </summary>
public sealed class ChatRequest
{
    public string? User { get; set; }
    public string? Text { get; set; }
    public ChatAction? Action { get; set; }
    /// <summary>Optional client message id (a resend with the same id has one effect).</summary>
    public string? Id { get; set; }
}

public sealed class ChatAction
{
    public string? Id { get; set; }
    public Dictionary<string, string>? Payload { get; set; }
}

public sealed class ChatResponse
{
    public required IReadOnlyList<ChatReply> Replies { get; init; }
}

public sealed class ChatReply
{
    public required string Text { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Card? Card { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Images { get; init; }
    /// <summary>Files to download (the import's full report).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ChatFile>? Files { get; init; }
}

public sealed class ChatFile
{
    public required string Name { get; init; }
    public required string Url { get; init; }
}

using Zhonghan.Bot.LocalChat.Model;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.LocalChat;

/// <summary>Pure mapping of the local chat's JSON to a <see cref="Turn"/> and of replies back to JSON. No I/O, no clock.</summary>
public static class LocalChatMapper
{
    public const int MaxTextLength = 4000;
    public const int MaxUserLength = 64;

    /// <summary>Why the request cannot be a turn (Chinese first), or null when it can.</summary>
    public static string? Problem(ChatRequest? req)
    {
        if (req is null || string.IsNullOrWhiteSpace(req.User)) return "请求需要 user 字段，例如 {\"user\":\"zhangsan\",\"text\":\"帮助\"}。";
        if (req.Text is null && req.Action?.Id is null) return "请求需要 text 或 action 字段。";
        if (req.User.Length > MaxUserLength) return $"用户名太长（最多 {MaxUserLength} 字）。/ The user name is too long ({MaxUserLength} characters at most).";
        if (req.Text?.Length > MaxTextLength) return $"消息太长（最多 {MaxTextLength} 字）。";
        return null;
    }

    public static Turn ToTurn(ChatRequest req)
    {
        var user = req.User!.Trim();
        return new Turn
        {
            Channel = Channels.Local,
            MessageId = string.IsNullOrWhiteSpace(req.Id) ? Guid.NewGuid().ToString("N") : BoundedId.Of($"{user}:{req.Id}"),
            SenderId = user,
            Address = ConversationAddress.For(Channels.Local, user),
            Kind = req.Action?.Id is null ? TurnKind.Message : TurnKind.CardAction,
            Text = req.Text,
            Action = req.Action?.Id is null ? null : new CardActionInput { ActionId = req.Action.Id, Payload = req.Action.Payload ?? new() },
        };
    }

    public static ChatResponse ToResponse(IEnumerable<Reply> replies) => new() { Replies = replies.Select(r => ToReply(r)).ToList() };

    public static ChatReply ToReply(Reply r, List<string>? images = null) =>
        new() { Text = r.Text, Card = r.Card, Images = images is { Count: > 0 } ? images : null };
}

using System.Text.Json.Serialization;
using Zhonghan.Bot.Hosting;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;

namespace Zhonghan.Bot.LocalChat;

/// <summary>
/// POST /api/chat {"user","text"} or {"user","action":{"id","payload"}} → {"replies":[{"text","card","images","files"}]};
/// GET /api/chat/hello?user= (the first page's greeting), /api/chat/users, /api/chat/inbox; POST /api/chat/import.
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

    public static ChatReply From(Reply r, List<string>? images = null) =>
        new() { Text = r.Text, Card = r.Card, Images = images is { Count: > 0 } ? images : null };
}

public sealed class ChatFile
{
    public required string Name { get; init; }
    public required string Url { get; init; }
}

public static class LocalChatEndpoints
{
    public const string KeyHeader = "X-LocalChat-Key";
    private const int MaxTextLength = 4000;
    private const int MaxUserLength = 64;

    private static string ReadPage(string name = "index.html")
    {
        using var stream = typeof(LocalChatEndpoints).Assembly.GetManifestResourceStream($"LocalChat.{name}")
            ?? throw new InvalidOperationException($"The local chat's {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static void MapLocalChat(this WebApplication app)
    {
        var mode = app.Services.GetRequiredService<LocalChatMode>();
        // Mapped always: whether the chat is open is known only once the server has bound its addresses.
        var page = ReadPage();
        // The page's scripts hold no data: served without the key, like the page's own markup is to whoever has it.
        foreach (var script in new[] { "markdown.js", "chat.js" })
        {
            var js = ReadPage(script);
            app.MapGet("/" + script, () => Results.Content(js, "text/javascript; charset=utf-8"));
        }
        app.MapGet("/", (HttpContext http) => Answer(mode, http, Results.Content(page, "text/html; charset=utf-8")));
        var api = app.MapGroup("/api/chat").AddEndpointFilter(async (ctx, next) =>
        {
            var denied = Answer(mode, ctx.HttpContext, null);
            return denied ?? await next(ctx);
        });

        api.MapPost("", async (ChatRequest? req, TurnPipeline pipeline, CancellationToken ct) =>
        {
            if (req is null || string.IsNullOrWhiteSpace(req.User))
                return Results.BadRequest(new { error = "请求需要 user 字段，例如 {\"user\":\"zhangsan\",\"text\":\"帮助\"}。" });
            if (req.Text is null && req.Action?.Id is null)
                return Results.BadRequest(new { error = "请求需要 text 或 action 字段。" });
            if (req.User.Length > MaxUserLength)
                return Results.BadRequest(new { error = $"用户名太长（最多 {MaxUserLength} 字）。/ The user name is too long ({MaxUserLength} characters at most)." });
            if (req.Text?.Length > MaxTextLength)
                return Results.BadRequest(new { error = $"消息太长（最多 {MaxTextLength} 字）。" });
            var user = req.User.Trim();
            var turn = new Turn
            {
                Channel = Channels.Local,
                MessageId = string.IsNullOrWhiteSpace(req.Id) ? Guid.NewGuid().ToString("N") : BoundedId.Of($"{user}:{req.Id}"),
                SenderId = user,
                Address = ConversationAddress.For(Channels.Local, user),
                Kind = req.Action?.Id is null ? TurnKind.Message : TurnKind.CardAction,
                Text = req.Text,
                Action = req.Action?.Id is null ? null : new CardActionInput { ActionId = req.Action.Id, Payload = req.Action.Payload ?? new() },
            };
            var result = await pipeline.ProcessAsync(turn, ct);
            return Results.Ok(new ChatResponse { Replies = result.Replies.Select(r => ChatReply.From(r)).ToList() });
        });

        api.MapGet("/users", (UserDirectory users) => users.All.Where(u => u.Active).Select(u => new
        {
            id = u.LocalName, name = u.Name, role = u.Role.Chinese(), department = users.Department(u.DepartmentId)?.Name,
        }));

        api.MapGet("/hello", (string? user, UserDirectory users) => string.IsNullOrWhiteSpace(user) || user.Length > 64
            ? Results.BadRequest(new { error = "需要 user 参数。" })
            : Results.Ok(ChatGreeting.For(user.Trim(), users.ResolveSender(Channels.Local, user.Trim()))));

        api.MapChatImport();

        api.MapGet("/inbox", (string? user, LocalOutbox outbox) => string.IsNullOrWhiteSpace(user)
            ? Results.BadRequest(new { error = "需要 user 参数。" })
            : Results.Ok(new ChatResponse { Replies = outbox.Take(user).Select(i => ChatReply.From(i.Reply, i.Images)).ToList() }));
    }

    /// <summary>Null when the request may go on; otherwise 404 (the chat is off) or 401 (the key is needed).</summary>
    private static IResult? Answer(LocalChatMode mode, HttpContext http, IResult? allowed)
    {
        var key = http.Request.Headers[KeyHeader].FirstOrDefault() ?? http.Request.Query["key"].FirstOrDefault();
        return mode.Check(key, http.Connection.RemoteIpAddress) switch
        {
            LocalChatAccess.Allowed => allowed,
            LocalChatAccess.Closed => Results.NotFound(),
            _ => Results.Json(new { error = "本地聊天需要正确的 LocalChat:Key（非本机连接必须带密钥）。/ The local chat needs the right LocalChat:Key." }, statusCode: 401),
        };
    }
}

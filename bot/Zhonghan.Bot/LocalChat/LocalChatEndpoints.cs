using Zhonghan.Bot.LocalChat.Model;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;

namespace Zhonghan.Bot.LocalChat;

/// <summary>
/// The local chat's endpoints: the page and its scripts, POST /api/chat (through <see cref="LocalChatAdapter"/>),
/// GET /api/chat/hello?user= (the first page's greeting), /api/chat/users, /api/chat/inbox; POST /api/chat/import.
/// Every /api/chat request passes the local chat rule (<see cref="LocalChatMode"/>).
/// </summary>
public static class LocalChatEndpoints
{
    public const string KeyHeader = "X-LocalChat-Key";

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

        api.MapPost("", (ChatRequest? req, LocalChatAdapter adapter, IBot bot, CancellationToken ct) => adapter.ProcessAsync(req, bot, ct));

        api.MapGet("/users", (UserDirectory users) => users.All.Where(u => u.Active).Select(u => new
        {
            id = u.LocalName, name = u.Name, role = u.Role.Chinese(), department = users.Department(u.DepartmentId)?.Name,
        }));

        api.MapGet("/hello", (string? user, UserDirectory users) => string.IsNullOrWhiteSpace(user) || user.Length > LocalChatMapper.MaxUserLength
            ? Results.BadRequest(new { error = "需要 user 参数。" })
            : Results.Ok(ChatGreeting.For(user.Trim(), users.ResolveSender(Channels.Local, user.Trim()))));

        api.MapChatImport();

        api.MapGet("/inbox", (string? user, LocalOutbox outbox) => string.IsNullOrWhiteSpace(user)
            ? Results.BadRequest(new { error = "需要 user 参数。" })
            : Results.Ok(new ChatResponse { Replies = outbox.Take(user).Select(i => LocalChatMapper.ToReply(i.Reply, i.Images)).ToList() }));
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

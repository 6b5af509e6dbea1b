using System.Net;
using Microsoft.Extensions.Options;
using Zhonghan.Knowledge;
using Zhonghan.Knowledge.Index;

namespace Zhonghan.Bot.Knowledge;

/// <summary>
/// GET /api/kb/search?q=…&amp;top=… → the hits as a JSON array (mpn, title, source, score, snippet, match).
/// Open to loopback callers; others must send Knowledge:ApiKey (header X-Api-Key or ?key=), and without a key
/// configured they are refused — the catalogue carries prices.
/// </summary>
public static class KnowledgeEndpoints
{
    public const string KeyHeader = "X-Api-Key";

    public static void MapKnowledge(this WebApplication app)
    {
        app.MapGet("/api/kb/search", async (HttpContext http, string? q, int? top, KnowledgeSearch search,
            IOptions<KnowledgeOptions> options, CancellationToken ct) =>
        {
            if (!Allowed(http, options.Value.ApiKey))
                return Results.Json(new { error = "需要 Knowledge:ApiKey（请求头 X-Api-Key 或参数 key）。" }, statusCode: 401);
            if (string.IsNullOrWhiteSpace(q)) return Results.BadRequest(new { error = "需要参数 q，例如 /api/kb/search?q=STM32F103C8T6" });
            if (q.Length > 500) return Results.BadRequest(new { error = "q 太长（最多 500 字）。" });
            var result = await search.SearchAsync(q, Math.Clamp(top ?? 10, 1, 50), ct);
            return Results.Json(result.Hits.Select(KbHitJson.From).ToList(), KbHitJson.Options);
        });
    }

    private static bool Allowed(HttpContext http, string? key)
    {
        var given = http.Request.Headers[KeyHeader].FirstOrDefault() ?? http.Request.Query["key"].FirstOrDefault();
        if (!string.IsNullOrEmpty(key) && given is not null)
            return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(key));
        return http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Bot.Knowledge;

/// <summary>One search hit as the CLI (--json, batch) and GET /api/kb/search return it.</summary>
public sealed record KbHitJson(
    [property: JsonPropertyName("mpn")] string? Mpn,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("snippet")] string Snippet,
    [property: JsonPropertyName("match")] string Match)
{
    public static KbHitJson From(SearchHit h) =>
        new(h.Record.Mpn, h.Record.Title, h.Record.Source, h.Score, h.Snippet, h.Match.ToString().ToLowerInvariant());

    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One JSON array on one line (the batch format).</summary>
    public static string Line(IEnumerable<SearchHit> hits) => JsonSerializer.Serialize(hits.Select(From).ToList(), Options);
}

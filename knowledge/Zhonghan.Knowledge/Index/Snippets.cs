using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Knowledge.Index;

/// <summary>A short excerpt of a record for a hit list: the part's facts, or the passage around the first query word.</summary>
internal static class Snippets
{
    private const int Max = 160;

    public static string For(KnowledgeRecord r, IReadOnlyList<string> queryTokens)
    {
        if (r.Kind == RecordKind.Part)
            return Clip(string.Join(" · ", new[] { r.Manufacturer, r.Category, r.Package, r.Description }
                .Where(s => !string.IsNullOrWhiteSpace(s))));
        var text = r.Text.ReplaceLineEndings(" ");
        var at = queryTokens.Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, text.LastIndexOfAny(['。', '！', '？', '.', '!', '?', '\n'], Math.Max(0, at - 1)) + 1);
        if (at - start > Max / 2) start = Math.Max(0, at - Max / 3);
        return (start > 0 ? "…" : "") + Clip(text[start..].Trim());
    }

    private static string Clip(string s) => s.Length <= Max ? s : s[..Max] + "…";
}

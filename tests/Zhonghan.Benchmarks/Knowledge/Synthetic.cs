using System.Text.RegularExpressions;

namespace Zhonghan.Benchmarks.Knowledge;

/// <summary>
/// Scale-up rows for the latency run: each real row plus variants with a derived part number (a two-letter code
/// and a number appended) and one numeric value of the description shifted, so that terms and postings grow
/// like a real catalogue's instead of repeating one document.
/// </summary>
public static partial class Synthetic
{
    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    public static IEnumerable<CatalogRow> Expand(IReadOnlyList<CatalogRow> rows, int total)
    {
        var perRow = Math.Max(1, total / rows.Count);
        var produced = 0;
        for (var v = 0; v < perRow; v++)
            foreach (var r in rows)
            {
                if (produced++ >= total) yield break;
                if (v == 0) { yield return r; continue; }
                var code = $"{(char)('A' + v % 26)}{(char)('A' + v / 26 % 26)}{v}";
                var shifted = Number().Replace(r.Description, m => m.Length > 9 ? m.Value : (long.Parse(m.Value) + v % 7).ToString(), 1);
                yield return r with { Mpn = $"{r.Mpn}{code}", Description = shifted };
            }
    }
}

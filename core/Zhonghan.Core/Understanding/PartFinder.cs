using System.Text.RegularExpressions;
using Zhonghan.Core.Parts;

namespace Zhonghan.Core.Understanding;

/// <summary>
/// Part numbers named in a message (STM32F103, TPS54331, 2N7002), through the knowledge base's own recognizer
/// (<see cref="PartTokens"/>); document numbers (Q12, S3) and quarters (Q1) are not parts.
/// </summary>
internal static partial class PartFinder
{
    public static IReadOnlyList<(PartToken Token, int Start)> Find(string text)
    {
        var list = new List<(PartToken, int)>();
        foreach (var t in PartTokens.Find(text))
        {
            if (!t.Strong || DocumentCode().IsMatch(t.Norm)) continue;
            var at = text.IndexOf(t.Raw, StringComparison.Ordinal);
            if (at >= 0 && list.All(x => x.Item1.Norm != t.Norm)) list.Add((t, at));
        }
        return list.OrderBy(x => x.Item2).ToList();
    }

    public static bool WantsSamples(string lower) => Sample().IsMatch(lower);

    [GeneratedRegex(@"^[QSOI]\d+$")]
    private static partial Regex DocumentCode();

    [GeneratedRegex(@"样品|样片|申样|寄样|\bsamples?\b")]
    private static partial Regex Sample();
}

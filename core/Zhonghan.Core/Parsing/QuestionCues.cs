using System.Text.RegularExpressions;

namespace Zhonghan.Core.Parsing;

/// <summary>Whether a message reads as a question (so an English word at its start is not taken as a command).</summary>
public static partial class QuestionCues
{
    public static bool LooksLikeQuestion(string text)
    {
        var t = text.Trim();
        if (t.Length == 0) return false;
        if (t[^1] is '?' or '？') return true;
        return ChineseCue().IsMatch(t) || EnglishStart().IsMatch(t);
    }

    [GeneratedRegex(@"吗|呢|多少|多久|怎么|什么|哪些|哪个|有没有|是否|能否")]
    private static partial Regex ChineseCue();

    [GeneratedRegex(@"^(?:what|how|which|who|when|where|why|is|are|do|does|did|can|could|would|any|price (?:for|of))\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishStart();
}

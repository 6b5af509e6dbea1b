using System.Text.RegularExpressions;

namespace Zhonghan.Knowledge.Answers;

/// <summary>Answer in English only when the question is English words, not just a part number.</summary>
public static partial class Language
{
    [GeneratedRegex(@"\b[A-Za-z]{2,}\b")]
    private static partial Regex Word();

    public static bool IsEnglish(string text)
    {
        if (text.Any(c => c is >= '\u3400' and <= '\u9FFF')) return false;
        var words = Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
        return words.Count(w => !w.Any(char.IsDigit)) >= 2;
    }
}

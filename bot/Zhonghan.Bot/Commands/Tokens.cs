namespace Zhonghan.Bot.Commands;

/// <summary>Splits command text: whitespace (also the ideographic space) separates, quotes keep names with spaces.</summary>
public static class Tokens
{
    private static readonly Dictionary<char, char> Quotes = new()
    {
        ['"'] = '"', ['“'] = '”', ['「'] = '」', ['『'] = '』', ['《'] = '》',
    };

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u3000';

    /// <summary>The first token (unquoted) and the rest of the text after it, with its spacing kept.</summary>
    public static string TakeFirst(string text, out string rest)
    {
        var i = 0;
        while (i < text.Length && IsSpace(text[i])) i++;
        if (i == text.Length) { rest = ""; return ""; }
        if (Quotes.TryGetValue(text[i], out var close))
        {
            var end = text.IndexOf(close, i + 1);
            if (end > i)
            {
                rest = text[(end + 1)..].TrimStart();
                return text[(i + 1)..end].Trim();
            }
        }
        var j = i;
        while (j < text.Length && !IsSpace(text[j])) j++;
        rest = text[j..].TrimStart();
        return text[i..j];
    }

    public static List<string> Split(string text)
    {
        var list = new List<string>();
        var rest = text;
        while (true)
        {
            var t = TakeFirst(rest, out rest);
            if (t.Length == 0 && rest.Length == 0) break;
            if (t.Length > 0) list.Add(t);
        }
        return list;
    }
}

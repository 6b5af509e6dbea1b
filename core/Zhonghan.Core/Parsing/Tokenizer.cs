namespace Zhonghan.Core.Parsing;

/// <summary>A word of command text; <see cref="Quoted"/> when the user put it in quotes (a name with spaces).</summary>
public readonly record struct Token(string Text, bool Quoted, int Start, int End);

/// <summary>Splits command text: whitespace (also the ideographic space) separates, quotes keep names with spaces.</summary>
public static class Tokenizer
{
    private static readonly Dictionary<char, char> Quotes = new()
    {
        ['"'] = '"', ['“'] = '”', ['「'] = '」', ['『'] = '』', ['《'] = '》',
    };

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u3000';

    /// <summary>The first token (unquoted) and the rest of the text after it, with its spacing kept.</summary>
    public static string TakeFirst(string text, out string rest)
    {
        var t = Next(text, 0);
        if (t is not Token token) { rest = ""; return ""; }
        rest = text[token.End..].TrimStart();
        return token.Text;
    }

    public static List<string> Split(string text) => Tokens(text).Select(t => t.Text).ToList();

    /// <summary>Every token with where it stands in <paramref name="text"/> (End is just past a closing quote).</summary>
    public static List<Token> Tokens(string text)
    {
        var list = new List<Token>();
        for (var t = Next(text, 0); t is Token token; t = Next(text, token.End))
            if (token.Text.Length > 0) list.Add(token);
        return list;
    }

    private static Token? Next(string text, int from)
    {
        var i = from;
        while (i < text.Length && IsSpace(text[i])) i++;
        if (i == text.Length) return null;
        if (Quotes.TryGetValue(text[i], out var close))
        {
            var end = text.IndexOf(close, i + 1);
            if (end > i) return new Token(text[(i + 1)..end].Trim(), true, i, end + 1);
        }
        var j = i;
        while (j < text.Length && !IsSpace(text[j])) j++;
        return new Token(text[i..j], false, i, j);
    }
}

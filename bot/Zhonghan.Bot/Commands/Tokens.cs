using Zhonghan.Core.Parsing;

namespace Zhonghan.Bot.Commands;

/// <summary>Splits command text (see <see cref="Tokenizer"/> in the core, which does the work).</summary>
public static class Tokens
{
    public static bool IsSpace(char c) => Tokenizer.IsSpace(c);

    /// <summary>The first token (unquoted) and the rest of the text after it, with its spacing kept.</summary>
    public static string TakeFirst(string text, out string rest) => Tokenizer.TakeFirst(text, out rest);

    public static List<string> Split(string text) => Tokenizer.Split(text);
}

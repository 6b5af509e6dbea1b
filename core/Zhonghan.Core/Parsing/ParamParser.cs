using System.Diagnostics.CodeAnalysis;
using Zhonghan.Core.Customers;

namespace Zhonghan.Core.Parsing;

/// <summary>A command's text split by <see cref="ParamParser.Split"/>: what each key got, raw and (when it read) typed.</summary>
public sealed record ParamSplit(IReadOnlyDictionary<string, string> Raw, IReadOnlyDictionary<string, ParamValue> Values, string Leftover);

/// <summary>
/// Reads typed parameters out of command text. <see cref="Read"/> reads a whole text as one kind (with a Chinese
/// error when it is not one); <see cref="TryTake"/> / <see cref="TryTakeLast"/> take one value from the front or
/// the end; <see cref="Split"/> splits a command's rest by its parameter list (typed values from both ends, free
/// text in the middle). Plain code over the token list: the per-kind grammars (amounts, codes, dates) do the parsing.
/// </summary>
public static class ParamParser
{
    /// <summary>Most tokens one value may span (明天 下午 3点; RMB 800000).</summary>
    private const int MaxTokens = 3;

    public static ParseResult<ParamValue> Read(ParamSpec spec, string text, TimeProvider clock)
    {
        var raw = text.Trim();
        ParseResult<ParamValue> Ok(object v) => ParseResult<ParamValue>.Success(new ParamValue(spec.Kind, raw, v));
        ParseResult<ParamValue> Fail<T>(ParseResult<T> r) => ParseResult<ParamValue>.Fail(r.Error!, r.ErrorEn!);
        switch (spec.Kind)
        {
            case ParamKind.Amount: { var r = AmountParser.Parse(raw); return r.Ok ? Ok(r.Value) : Fail(r); }
            case ParamKind.Price: { var r = PriceParser.Parse(raw); return r.Ok ? Ok(r.Value) : Fail(r); }
            case ParamKind.Quantity: { var r = QuantityParser.Parse(raw); return r.Ok ? Ok(r.Value) : Fail(r); }
            case ParamKind.Code: { var r = CodeParser.Parse(raw, spec.Code); return r.Ok ? Ok(r.Value) : Fail(r); }
            case ParamKind.Date:
                return DateParser.TryParse(raw, spec.Purpose, clock, out var d) ? Ok(d) : ParseResult<ParamValue>.Fail(
                    $"没看懂日期“{raw}”（例如：明天、下周三、3天后、12月5日、12-05 14:00、今晚8点、2小时后）。",
                    $"I could not read the date '{raw}' (e.g. tomorrow, next wed, in 2 hours, 2026-12-05).");
            case ParamKind.Phone:
                return PhoneNumber.LooksLikePhone(raw) ? Ok(PhoneNumber.Normalize(raw)) : ParseResult<ParamValue>.Fail(
                    $"电话号码“{raw}”不对，例如 13800138000 或 021-12345678。", $"'{raw}' is not a phone number.");
            case ParamKind.Enum:
                var choice = spec.Choices?.FirstOrDefault(c => string.Equals(c.Key, raw, StringComparison.OrdinalIgnoreCase));
                if (choice is { Key: not null } hit) return Ok(hit.Value);
                var words = string.Join(" / ", spec.Choices?.Keys ?? []);
                return ParseResult<ParamValue>.Fail($"“{raw}”不是可选项，请写：{words}。", $"'{raw}' is not one of: {words}.");
            default:
                return raw.Length > 0 ? Ok(raw) : ParseResult<ParamValue>.Fail("内容不能为空。", "The value is empty.");
        }
    }

    /// <summary>Shorthand for a spec with defaults (dates as plans, any document number).</summary>
    public static bool TryTake(ParamKind kind, string text, TimeProvider clock, [NotNullWhen(true)] out ParamValue? value, out string rest) =>
        TryTake(new ParamSpec("value", kind), text, clock, out value, out rest);

    /// <summary>Takes one value from the front of <paramref name="text"/> (the longest run of tokens that reads); rest is what follows.</summary>
    public static bool TryTake(ParamSpec spec, string text, TimeProvider clock, [NotNullWhen(true)] out ParamValue? value, out string rest)
    {
        var tokens = Tokenizer.Tokens(text);
        value = null;
        rest = text.Trim();
        if (tokens.Count == 0) return false;
        if (spec.Kind == ParamKind.Text) { value = new ParamValue(spec.Kind, rest, rest); rest = ""; return true; }
        for (var n = Math.Min(Span(spec.Kind), tokens.Count); n >= 1; n--)
        {
            var r = Read(spec, Join(text, tokens, 0, n), clock);
            if (!r.Ok) continue;
            value = r.Value;
            rest = n == tokens.Count ? "" : text[tokens[n].Start..].Trim();
            return true;
        }
        return false;
    }

    /// <summary>Takes one value from the end of <paramref name="text"/>; rest is what comes before it.</summary>
    public static bool TryTakeLast(ParamSpec spec, string text, TimeProvider clock, [NotNullWhen(true)] out ParamValue? value, out string rest)
    {
        var tokens = Tokenizer.Tokens(text);
        value = null;
        rest = text.Trim();
        if (tokens.Count == 0) return false;
        if (spec.Kind == ParamKind.Text) { value = new ParamValue(spec.Kind, rest, rest); rest = ""; return true; }
        for (var n = Math.Min(Span(spec.Kind), tokens.Count); n >= 1; n--)
        {
            var r = Read(spec, Join(text, tokens, tokens.Count - n, tokens.Count), clock);
            if (!r.Ok) continue;
            value = r.Value;
            rest = text[..tokens[^n].Start].Trim();
            return true;
        }
        return false;
    }

    /// <summary>
    /// Splits a command's rest by its parameters. Before the free-text parameter (the one marked
    /// <see cref="ParamSpec.Rest"/>, else the first text one), values are taken from the front in order; after it, from
    /// the end (so "新建商机 海康 安防摄像头电源 80万元" gives the project and the amount); the free text gets the
    /// middle, other text values one word each. A required value that does not read keeps its raw token, so the
    /// caller can say what is wrong; an optional one that does not read is left out.
    /// </summary>
    public static ParamSplit Split(IReadOnlyList<ParamSpec> specs, string text, TimeProvider clock)
    {
        var raw = new Dictionary<string, string>();
        var values = new Dictionary<string, ParamValue>();
        var free = specs.ToList().FindIndex(s => s.Rest);
        if (free < 0) free = specs.ToList().FindIndex(s => s.Kind == ParamKind.Text);
        var rest = text.Trim();
        for (var i = specs.Count - 1; free >= 0 && i > free && rest.Length > 0; i--)
            rest = Take(specs[i], rest, clock, raw, values, fromEnd: true);
        for (var i = 0; i < (free >= 0 ? free : specs.Count) && rest.Length > 0; i++)
            rest = Take(specs[i], rest, clock, raw, values, fromEnd: false);
        if (free >= 0 && rest.Length > 0) { raw[specs[free].Key] = rest; values[specs[free].Key] = new ParamValue(ParamKind.Text, rest, rest); rest = ""; }
        return new ParamSplit(raw, values, rest);
    }

    private static string Take(ParamSpec spec, string text, TimeProvider clock, Dictionary<string, string> raw, Dictionary<string, ParamValue> values, bool fromEnd)
    {
        if (spec.Kind == ParamKind.Text) return TakeWord(spec, text, raw, values, fromEnd);
        var ok = fromEnd ? TryTakeLast(spec, text, clock, out var v, out var rest) : TryTake(spec, text, clock, out v, out rest);
        if (ok) { raw[spec.Key] = v!.Raw; values[spec.Key] = v; return rest; }
        if (!spec.Required) return text;
        var tokens = Tokenizer.Tokens(text);
        var token = fromEnd ? tokens[^1] : tokens[0];
        raw[spec.Key] = token.Text;
        return fromEnd ? text[..token.Start].Trim() : text[token.End..].Trim();
    }

    /// <summary>A text value that is not the free text: one word (or one quoted phrase).</summary>
    private static string TakeWord(ParamSpec spec, string text, Dictionary<string, string> raw, Dictionary<string, ParamValue> values, bool fromEnd)
    {
        var tokens = Tokenizer.Tokens(text);
        var token = fromEnd ? tokens[^1] : tokens[0];
        raw[spec.Key] = token.Text;
        values[spec.Key] = new ParamValue(ParamKind.Text, token.Text, token.Text);
        return fromEnd ? text[..token.Start].Trim() : text[token.End..].Trim();
    }

    private static int Span(ParamKind kind) => kind switch
    {
        ParamKind.Date => MaxTokens,
        ParamKind.Amount or ParamKind.Price or ParamKind.Quantity => 2,
        _ => 1,
    };

    private static string Join(string text, List<Token> tokens, int from, int to) =>
        to - from == 1 ? tokens[from].Text : text[tokens[from].Start..tokens[to - 1].End];
}

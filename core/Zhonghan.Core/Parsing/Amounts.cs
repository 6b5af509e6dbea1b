using System.Text;
using Pidgin;
using static Pidgin.Parser;

namespace Zhonghan.Core.Parsing;

/// <summary>
/// The shared grammar of money and counts: a number (800000, 800,000, 1.5, 八十) with an optional multiplier
/// (万 / w, 千 / k, 亿) and the colloquial digit after it (1万2 = 12,000). Currency and unit words are added by
/// <see cref="AmountParser"/>, <see cref="PriceParser"/> and <see cref="QuantityParser"/>.
/// </summary>
internal static class Scaled
{
    private static readonly Parser<char, Unit> Ws = SkipWhitespaces;

    private static Parser<char, string> Words(params string[] words) =>
        OneOf(words.OrderByDescending(w => w.Length).Select(w => Try(CIString(w))));

    private static readonly Parser<char, decimal> Multiplier = OneOf(
        Try(Words("万", "w")).ThenReturn(10_000m),
        Try(Words("千", "k")).ThenReturn(1_000m),
        Try(Words("亿")).ThenReturn(100_000_000m));

    /// <summary>Number × multiplier (+ the colloquial next digit: 1万2 → 12,000, 3千5 → 3,500).</summary>
    public static readonly Parser<char, decimal> Value =
        Numerals.Number.Then(
            Try(Ws.Then(Multiplier).Then(Numerals.SingleDigit.Optional(), (m, d) => (m, d))).Optional(),
            (n, tail) => !tail.HasValue ? n : n * tail.Value.m + (tail.Value.d.HasValue ? tail.Value.d.Value * tail.Value.m / 10 : 0));

    public static readonly Parser<char, Unit> CurrencyPrefix =
        Words("¥", "rmb", "cny", "人民币").Then(Ws).IgnoreResult();

    public static readonly Parser<char, Unit> CurrencySuffix =
        Ws.Then(Words("元", "块钱", "块", "rmb", "cny", "yuan")).IgnoreResult();

    public static readonly Parser<char, Unit> CountUnit =
        Ws.Then(Words("片", "个", "颗", "只", "件", "套", "台", "pcs", "pc", "ea")).IgnoreResult();

    public static readonly Parser<char, Unit> PerUnit =
        Ws.Then(Words("/", "每")).Then(Ws).Then(Words("片", "个", "颗", "只", "件", "套", "台", "pcs", "pc", "ea")).IgnoreResult();

    public static Parser<char, decimal> Whole(Parser<char, Unit>? before, Parser<char, Unit>[] after)
    {
        var p = (before is null ? Value : before.Optional().Then(Value));
        foreach (var a in after) p = p.Before(Try(a).Optional());
        return Ws.Then(p).Before(Ws).Before(Parser<char>.End);
    }

    /// <summary>Width folded (￥ → ¥, full-width digits and commas), trimmed.</summary>
    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).Trim();
}

/// <summary>Amounts of money in yuan: 80万, 80万元, 80w, 800k, ¥800,000, RMB 800000, 800000元, 1.5万, 一万二.</summary>
public static class AmountParser
{
    private static readonly Parser<char, decimal> Grammar = Scaled.Whole(Scaled.CurrencyPrefix, [Scaled.CurrencySuffix]);

    public static ParseResult<decimal> Parse(string? text)
    {
        var t = Scaled.Normalize(text ?? "");
        var r = t.Length == 0 ? null : Grammar.Parse(t);
        if (r is { Success: true } && r.Value > 0 && r.Value <= 1_000_000_000_000m)
            return ParseResult<decimal>.Success(Math.Round(r.Value, 2));
        return ParseResult<decimal>.Fail(
            $"金额“{text}”看不懂，请写大于 0 的数字，例如 800000、80万、80w、800k 或 ¥800,000。",
            $"'{text}' is not an amount: write e.g. 800000, 800k or ¥800,000.");
    }

    public static bool TryParse(string? text, out decimal yuan)
    {
        var r = Parse(text);
        yuan = r.Value;
        return r.Ok;
    }
}

/// <summary>Unit prices in yuan: 0.35, ¥0.35, 0.35元, 0.35元/片 (up to four decimals).</summary>
public static class PriceParser
{
    private static readonly Parser<char, decimal> Grammar = Scaled.Whole(Scaled.CurrencyPrefix, [Scaled.CurrencySuffix, Scaled.PerUnit]);

    public static ParseResult<decimal> Parse(string? text)
    {
        var t = Scaled.Normalize(text ?? "");
        var r = t.Length == 0 ? null : Grammar.Parse(t);
        if (r is { Success: true } && r.Value > 0 && r.Value <= 100_000_000m)
            return ParseResult<decimal>.Success(Math.Round(r.Value, 4));
        return ParseResult<decimal>.Fail(
            $"单价“{text}”看不懂，请写大于 0 的数字，例如 0.35、¥0.35 或 0.35元。",
            $"'{text}' is not a unit price: write e.g. 0.35 or ¥0.35.");
    }

    public static bool TryParse(string? text, out decimal yuan)
    {
        var r = Parse(text);
        yuan = r.Value;
        return r.Ok;
    }
}

/// <summary>Quantities of parts: 10000, 10万, 10k, 5000片, 5000 pcs, 两千个.</summary>
public static class QuantityParser
{
    private static readonly Parser<char, decimal> Grammar = Scaled.Whole(null, [Scaled.CountUnit]);

    public static ParseResult<long> Parse(string? text)
    {
        var t = Scaled.Normalize(text ?? "");
        var r = t.Length == 0 ? null : Grammar.Parse(t);
        if (r is { Success: true } && r.Value >= 1 && r.Value <= 1_000_000_000_000m && r.Value == Math.Floor(r.Value))
            return ParseResult<long>.Success((long)r.Value);
        return ParseResult<long>.Fail(
            $"数量“{text}”看不懂，请写正整数，例如 10000、10k、10万 或 5000片。",
            $"'{text}' is not a quantity: write a whole number, e.g. 10000, 10k or 5000 pcs.");
    }

    public static bool TryParse(string? text, out long quantity)
    {
        var r = Parse(text);
        quantity = r.Value;
        return r.Ok;
    }
}

using System.Text;
using Pidgin;
using static Pidgin.Parser;

namespace Zhonghan.Core.Parsing;

/// <summary>What a document number names. <see cref="Any"/> is a bare record id (#12).</summary>
public enum CodeKind { Any, Quote, Sample, Order, Invoice }

/// <summary>A document number as typed: Q12 (quote), S3 (sample), O7 (order), I5 (invoice), #12 (any record).</summary>
public readonly record struct DocCode(CodeKind Kind, int Number)
{
    public override string ToString() => Kind == CodeKind.Any ? $"#{Number}" : $"{CodeParser.Letter(Kind)}{Number}";
}

/// <summary>
/// Document numbers: <c>#12</c>, <c>Q12</c>, <c>S3</c>, <c>O7</c>, <c>I5</c> (case-insensitive; a bare 12 is read as the
/// expected kind). Asking for one kind and getting another is refused with a message that names both.
/// </summary>
public static class CodeParser
{
    private static readonly Parser<char, CodeKind> Prefix = OneOf(
        Char('#').ThenReturn(CodeKind.Any),
        CIChar('q').ThenReturn(CodeKind.Quote),
        CIChar('s').ThenReturn(CodeKind.Sample),
        CIChar('o').ThenReturn(CodeKind.Order),
        CIChar('i').ThenReturn(CodeKind.Invoice));

    private static readonly Parser<char, (CodeKind? Kind, int Number)> Grammar =
        Prefix.Optional().Before(SkipWhitespaces).Then(
                Digit.AtLeastOnceString().Assert(d => d.Length <= 9, "at most 9 digits").Select(int.Parse),
                (k, n) => (k.HasValue ? k.Value : (CodeKind?)null, n))
            .Before(Parser<char>.End);

    public static char Letter(CodeKind kind) => kind switch
    {
        CodeKind.Quote => 'Q', CodeKind.Sample => 'S', CodeKind.Order => 'O', CodeKind.Invoice => 'I', _ => '#',
    };

    public static string Chinese(CodeKind kind) => kind switch
    {
        CodeKind.Quote => "报价", CodeKind.Sample => "申样单", CodeKind.Order => "订单", CodeKind.Invoice => "发票", _ => "记录",
    };

    private static string English(CodeKind kind) => kind switch
    {
        CodeKind.Quote => "quote", CodeKind.Sample => "sample", CodeKind.Order => "order", CodeKind.Invoice => "invoice", _ => "record",
    };

    /// <summary>Reads a number of the <paramref name="expected"/> kind (#12 and a bare 12 are accepted as it).</summary>
    public static ParseResult<DocCode> Parse(string? text, CodeKind expected)
    {
        var t = (text ?? "").Normalize(NormalizationForm.FormKC).Trim();
        var r = t.Length == 0 ? null : Grammar.Parse(t);
        var example = $"{Letter(expected)}12";
        if (r is not { Success: true } || r.Value.Number <= 0)
            return ParseResult<DocCode>.Fail($"{Chinese(expected)}编号“{text}”不对，例如 {example}。",
                $"'{text}' is not a {English(expected)} number (e.g. {example}).");
        var kind = r.Value.Kind ?? expected;
        if (kind != expected && kind != CodeKind.Any && expected != CodeKind.Any)
            return ParseResult<DocCode>.Fail($"“{text}”是{Chinese(kind)}编号，这里需要{Chinese(expected)}编号（例如 {example}）。",
                $"'{text}' is a {English(kind)} number; a {English(expected)} number is needed here (e.g. {example}).");
        return ParseResult<DocCode>.Success(new DocCode(expected == CodeKind.Any ? kind : expected, r.Value.Number));
    }

    public static bool TryParse(string? text, CodeKind expected, out DocCode code)
    {
        var r = Parse(text, expected);
        code = r.Value;
        return r.Ok;
    }
}

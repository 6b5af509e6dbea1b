using Pidgin;
using static Pidgin.Parser;

namespace Zhonghan.Core.Parsing;

/// <summary>
/// Numbers as reps type them: 800000, 800,000, 1.5, and Chinese numerals (十二, 两千五, 一万二 = 12,000, 八十万).
/// Pidgin grammars; the Chinese value is computed by plain code (the colloquial rules are arithmetic, not syntax).
/// </summary>
public static class Numerals
{
    private const string ChineseChars = "零〇一二两三四五六七八九十百千万亿";

    private static readonly Parser<char, string> Digits = Digit.AtLeastOnceString();

    // Commas only between groups of three (800,000); a comma elsewhere ends the number.
    private static readonly Parser<char, string> IntPart =
        Digits.Then(Try(Char(',').Then(Digit.RepeatString(3))).Many(), (head, groups) => head + string.Concat(groups));

    /// <summary>800000, 800,000, 0.35.</summary>
    public static readonly Parser<char, decimal> Arabic =
        Map((i, f) => decimal.Parse(f.HasValue ? $"{i}.{f.Value}" : i, System.Globalization.CultureInfo.InvariantCulture),
            IntPart, Try(Char('.').Then(Digits)).Optional());

    /// <summary>A run of Chinese numeral characters with a sensible value (十二, 一千零五, 一万二).</summary>
    public static readonly Parser<char, decimal> Chinese =
        OneOf(ChineseChars).AtLeastOnceString().Select(ChineseValue).Assert(v => v is not null, "a Chinese number").Select(v => v!.Value);

    /// <summary>Arabic or Chinese.</summary>
    public static readonly Parser<char, decimal> Number = Arabic.Or(Chinese);

    /// <summary>A single digit 0-9 written either way (the "二" of 一万二).</summary>
    public static readonly Parser<char, int> SingleDigit =
        Digit.Select(c => c - '0').Or(OneOf("零〇一二两三四五六七八九").Select(c => DigitOf(c)));

    public static bool TryParse(string text, out decimal value)
    {
        var r = Number.Before(Parser<char>.End).Parse(text.Trim());
        value = r.Success ? r.Value : 0;
        return r.Success;
    }

    internal static int DigitOf(char c) => c switch
    {
        '零' or '〇' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4,
        '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9, _ => -1,
    };

    /// <summary>
    /// The value of Chinese numerals, or null for nonsense (两三 is two numbers). A trailing digit after a unit is
    /// the next unit down, as people say it: 一千五 = 1,500, 一万二 = 12,000; after 零 it is itself: 一千零五 = 1,005.
    /// </summary>
    public static decimal? ChineseValue(string s)
    {
        decimal result = 0, section = 0, lastSmall = 0, lastBig = 0;
        var pending = -1;
        var zero = false;
        foreach (var c in s)
        {
            var d = DigitOf(c);
            if (d == 0) { if (pending >= 0) return null; zero = true; continue; }
            if (d > 0) { if (pending >= 0) return null; pending = d; continue; }
            switch (c)
            {
                case '十' or '百' or '千':
                    var unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                    if (lastSmall != 0 && unit >= lastSmall) return null; // 十百, 百百
                    section += (pending < 0 ? 1 : pending) * unit;
                    lastSmall = unit;
                    break;
                case '万':
                    if (lastBig == 10_000m) return null;
                    result += (section + Math.Max(pending, 0)) * 10_000m;
                    section = 0; lastSmall = 0; lastBig = 10_000m;
                    if (result == 0) return null;
                    break;
                default: // 亿
                    if (lastBig == 100_000_000m) return null;
                    result = (result + section + Math.Max(pending, 0)) * 100_000_000m;
                    section = 0; lastSmall = 0; lastBig = 100_000_000m;
                    if (result == 0) return null;
                    break;
            }
            pending = -1;
            zero = false;
        }
        if (pending > 0)
        {
            if (zero || (lastSmall == 0 && lastBig == 0)) section += pending;
            else if (lastSmall >= 10) section += pending * lastSmall / 10;
            else section += pending * lastBig / 10;
        }
        var value = result + section;
        return value > 0 || s.All(ch => DigitOf(ch) == 0) ? value : null;
    }
}

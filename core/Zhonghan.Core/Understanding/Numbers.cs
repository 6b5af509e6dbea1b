using System.Text.RegularExpressions;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Understanding;

/// <summary>Counts, money and phones inside a sentence, read by the command parsers (QuantityParser, AmountParser, PhoneNumber).</summary>
internal static partial class Numbers
{
    /// <summary>A count of parts: 500片, 20万片, 10k pcs, 200 samples.</summary>
    public static long? Quantity(string text)
    {
        var m = Count().Match(text);
        if (!m.Success) return null;
        return QuantityParser.TryParse(m.Groups["q"].Value, out var q) ? q : null;
    }

    /// <summary>Money: 80万, 80万元, ¥800,000, 50k (not a count: 20万片 is a quantity).</summary>
    public static decimal? Amount(string text)
    {
        var m = Money().Match(text);
        if (!m.Success) return null;
        return AmountParser.TryParse(m.Value, out var yuan) ? yuan : null;
    }

    /// <summary>A mobile or a landline, normalised; null when none reads as a valid phone.</summary>
    public static (string Phone, int Start, int Length)? Phone(string text)
    {
        foreach (Match m in PhoneLike().Matches(text))
        {
            var key = PhoneNumber.Normalize(m.Value);
            if (key.Length > 0) return (key, m.Index, m.Length);
        }
        return null;
    }

    // A count with its unit (500片), or after a word for volume (年用量10k, 用量大概2万).
    [GeneratedRegex(@"(?<![0-9A-Za-z.])(?:(?<q>\d+(?:\.\d+)?\s*[万千kK]?\s*(?:片|个|颗|只|件|套|pcs|pc))|(?<q>\d+)\s+(?:samples?|pieces|units))|(?:用量|数量|需求量|\bqty|\bvolume)\s*(?:大概|大约|约|是|:|：)?\s*(?<q>\d+(?:\.\d+)?\s*[万千kK]?)(?![0-9A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Count();

    [GeneratedRegex(@"(?:[¥￥]|rmb\s*)\d[\d,]*(?:\.\d+)?\s*[万wk]?|(?<![0-9A-Za-z.])\d+(?:\.\d+)?\s*(?:万元|万|w|千元|元|块)(?![0-9A-Za-z片个颗只件套台])", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    [GeneratedRegex(@"(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)|(?<!\d)0\d{2,3}[-\s]?\d{7,8}(?!\d)")]
    private static partial Regex PhoneLike();
}

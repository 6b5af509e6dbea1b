using System.Text.RegularExpressions;

namespace Zhonghan.Core.Parsing;

/// <summary>
/// The time-of-day part of a date expression: 3点, 下午3点半, 14:00, 3pm, and words with a default hour —
/// 早上/上午/明早 09:00, 中午 12:00, 下午 14:00, 下班/傍晚/eod 18:00, 晚上/今晚/tonight 20:00.
/// </summary>
internal static partial class TimeWords
{
    /// <summary>The text without its time part, and the time (null: date only). Day is null for an impossible time (25点).</summary>
    public static (string? Day, TimeOnly? Time) Split(string s)
    {
        var m = Clock().Match(s);
        if (m.Success)
        {
            var hour = int.Parse(m.Groups["h"].Value);
            var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value) : m.Groups["half"].Success ? 30 : m.Groups["q"].Success ? 15 : 0;
            var period = m.Groups["p"].Value + m.Groups["ap"].Value;
            if (period is "下午" or "晚上" or "傍晚" or "晚" or "pm" && hour < 12) hour += 12;
            if (period is "中午" && hour < 11) hour += 12;
            if (period is "上午" or "早上" or "凌晨" or "am" && hour == 12) hour = 0;
            if (hour > 23 || minute > 59) return (null, null);
            return (Cut(s, m), new TimeOnly(hour, minute));
        }
        m = Period().Match(s);
        if (!m.Success) return (s.Trim(), null);
        var at = m.Value switch
        {
            "中午" or "noon" or "lunchtime" => new TimeOnly(12, 0),
            "下午" or "afternoon" => new TimeOnly(14, 0),
            "下班" or "傍晚" or "eod" or "cob" or "end of day" or "end of the day" => new TimeOnly(18, 0),
            "晚上" or "晚" or "tonight" or "evening" or "this evening" => new TimeOnly(20, 0),
            _ => new TimeOnly(9, 0), // 早上, 上午, 早, morning
        };
        return (Cut(s, m), at);
    }

    private static string Cut(string s, Match m) => (s[..m.Index] + " " + s[(m.Index + m.Length)..]).Trim();

    [GeneratedRegex(@"(?<p>上午|下午|晚上|傍晚|早上|中午|凌晨|晚)?\s*(?<h>\d{1,2})\s*(?::(?<m>\d{2})(?:\s*(?<ap>am|pm))?|[点时](?:(?<half>半)|(?<q>一刻)|(?<m>\d{1,2})分?)?|(?<ap>am|pm)\b)")]
    private static partial Regex Clock();

    [GeneratedRegex(@"上午|下午|晚上|傍晚|早上|早晨|中午|下班|eod|cob|end of (?:the )?day|this evening|tonight|evening|afternoon|morning|lunchtime|noon|(?<=[今明天])[早晚]$")]
    private static partial Regex Period();
}

using System.Text.RegularExpressions;

namespace Zhonghan.Core.Parsing;

/// <summary>A date expression found inside running text: where it stands and how it reads.</summary>
public sealed record FoundDate(int Start, int Length, string Text, DateReading Reading)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds the date expressions of a sentence ("今天拜访了汇川…下周三再跟进", "remind me tomorrow 3pm to call BYD") and
/// reads each with <see cref="DateParser"/> by purpose. The pattern only finds where a date may stand; the reading,
/// and so every rule about days, stays in <see cref="DateParser"/>.
/// </summary>
public static partial class DateFinder
{
    public static IReadOnlyList<FoundDate> FindAll(string text, DatePurpose purpose, TimeProvider clock) =>
        FindAll(text, purpose, clock.GetUtcNow());

    public static IReadOnlyList<FoundDate> FindAll(string text, DatePurpose purpose, DateTimeOffset now)
    {
        // Lower case here, so the patterns need no IgnoreCase; the length stays the same. Chinese and English are two
        // patterns: one alternation of both was several times slower (no common start to skip ahead to).
        var lower = text.ToLowerInvariant();
        var matches = new List<Match>();
        if (lower.Any(c => c is >= '\u4e00' and <= '\u9fff')) matches.AddRange(Chinese().Matches(lower));
        if (lower.Any(char.IsAsciiLetterOrDigit)) matches.AddRange(English().Matches(lower));
        var found = new List<FoundDate>();
        foreach (var m in matches.OrderBy(m => m.Index).ThenByDescending(m => m.Length))
        {
            if (found.Count > 0 && m.Index < found[^1].End) continue;
            if (Read(text, m, purpose, now) is FoundDate date) found.Add(date);
        }
        return found;
    }

    private static FoundDate? Read(string text, Match m, DatePurpose purpose, DateTimeOffset now)
    {
        var raw = text.Substring(m.Index, m.Length);
        var value = raw.Trim();
        if (value.Length == 0) return null;
        var start = m.Index + raw.IndexOf(value, StringComparison.Ordinal);
        if (DateParser.TryParse(value, purpose, now, out var reading)) return new FoundDate(start, value.Length, value, reading);
        if (m.Groups["day"] is { Success: true } day && DateParser.TryParse(text.Substring(day.Index, day.Length), purpose, now, out reading))
            return new FoundDate(day.Index, day.Length, text.Substring(day.Index, day.Length), reading);
        return null;
    }

    private const string Num = "[0-9一二两三四五六七八九十]";
    private const string Weekday = "[一二三四五六日天1-7]";

    private const string ChineseDay =
        "大后天|大前天|后天|前天|今天|今日|明天|明日|明儿|昨天|今早|明早|今晚|明晚" +
        "|(?:这|本|下)?周末" +
        "|(?:下下|下个|下|上个|上|本|这个|这)?(?:周|星期|礼拜)" + Weekday +
        "|(?:下下|下个|下|上个|上)(?:周|星期|礼拜)" +
        "|下个?月[底末]|(?:本|这个)?月[底末]|下个?月|上个?月|年[底末]" +
        "|过(?:两三|两|几|2|些)天|(?:两三|几)天后" +
        "|" + Num + "{1,3}\\s*(?:天|个星期|星期|个礼拜|礼拜|周|个月)\\s*(?:以后|之后|后|以前|之前|前)" +
        "|\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*[日号]?" +
        "|" + Num + "{1,3}\\s*月\\s*" + Num + "{1,3}\\s*[日号]" +
        "|(?<![\\d/-])\\d{1,2}[/-]\\d{1,2}(?![\\d/-])" +
        "|(?<![\\d月])" + Num + "{1,3}\\s*号";

    // A clock time: digits (3点, 14:00), or Chinese numerals only after a part of the day (下午三点): "便宜一点" is no time.
    private const string ChineseTime =
        "(?:上午|下午|晚上|傍晚|早上|早晨|中午|凌晨)\\s*" + Num + "{1,3}\\s*[点时](?:半|一刻|\\d{1,2}分?)?" +
        "|(?<![0-9.])\\d{1,2}\\s*(?:[点时](?:半|一刻|\\d{1,2}分?)?|:\\d{2})" +
        "|上午|下午|晚上|傍晚|早上|早晨|中午|下班";

    private const string ChineseSpan =
        "(?:" + Num + "+\\s*个?\\s*半?\\s*(?:小时|钟头)(?:\\s*\\d+\\s*分钟?)?|半个?\\s*(?:小时|钟头)|" + Num + "+\\s*分钟?)\\s*(?:以后|之后|后)";

    private const string EnglishWeekday = "mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?";

    private const string EnglishDay =
        "(?:(?:by|on|before|until)\\s+)?(?:today|tomorrow|tmrw|tmr|tonight|yesterday|end of (?:the )?month|eom|eod" +
        "|(?:next|this|last)\\s+(?:week|month|weekend|" + EnglishWeekday + ")|" + EnglishWeekday +
        "|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?)\\b";

    private const string EnglishTime = "\\s+(?:at\\s+)?\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)\\b|\\s+(?:morning|afternoon|evening|noon)\\b";

    private const string EnglishSpan = "\\bin\\s+(?:\\d+|a|an|half an)\\s+(?:days?|weeks?|months?|hours?|hrs?|minutes?|mins?)\\b";

    // Spans first (10分钟后), then a day with an optional time and deadline (明天下午3点, 周五前), then a time alone.
    [GeneratedRegex(
        "(?:" + ChineseSpan + ")" +
        "|(?<day>" + ChineseDay + ")(?:\\s*(?:" + ChineseTime + "))?(?:之前|以前|前)?" +
        "|(?:" + ChineseTime + ")(?:之前|以前|前)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex Chinese();

    [GeneratedRegex(
        EnglishSpan +
        "|(?<day>\\b" + EnglishDay + ")(?:" + EnglishTime + ")?" +
        "|\\b(?:at\\s+)?\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)\\b|\\b\\d{1,2}:\\d{2}\\b|(?<![\\d/-])\\d{1,2}/\\d{1,2}(?![\\d/-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex English();
}

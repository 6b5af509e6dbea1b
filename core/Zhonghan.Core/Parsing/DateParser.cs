using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Parsing;

/// <summary>
/// Reads the dates reps type, by what the date is for (<see cref="DatePurpose"/>), relative to a clock in
/// Asia/Shanghai. Days: 今天, 明天, 后天, 下周三, 下礼拜, 周五(前), 月底(前), 过两天, 过几天, 3天后, 3天前, 下个月,
/// 12月5日, 5号, 2026-12-05, tomorrow, next wed, dec 7. Times: 下午3点, 14:00, 3pm, 今晚(8点), 明早, 下班前, eod.
/// Spans: 10分钟后, 半小时后, 两个半小时后, in 2 hours. A date without a time stays date-only.
/// </summary>
public static partial class DateParser
{
    public static bool TryParse(string? text, DatePurpose purpose, TimeProvider clock, [NotNullWhen(true)] out DateReading? reading) =>
        TryParse(text, purpose, clock.GetUtcNow(), out reading);

    public static bool TryParse(string? text, DatePurpose purpose, DateTimeOffset now, [NotNullWhen(true)] out DateReading? reading)
    {
        reading = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return false;
        var s = Clean(text);
        var nowUtc = now.UtcDateTime;
        if (Durations.TryParse(s, out var span))
        {
            reading = new DateReading(new ResolvedDate(nowUtc + span, false));
            return true;
        }
        if (!Ago().IsMatch(s)) s = Deadline().Replace(s, "").Trim();
        var (dayText, time) = TimeWords.Split(s);
        if (dayText is null || (time is null && dayText.Length == 0)) return false;
        var today = DateOnly.FromDateTime(BusinessTime.ToLocal(nowUtc));
        if (DayWords.Parse(dayText, today, purpose) is not DayRead day) return false;
        var date = time is TimeOnly t
            ? new ResolvedDate(BusinessTime.ToUtc(day.Day.ToDateTime(t)), false)
            : new ResolvedDate(BusinessTime.DueUtc(day.Day), true);
        reading = new DateReading(date, day.Passed, day.PassedEn);
        return true;
    }

    /// <summary>Text that reads back as exactly this date whatever the purpose: "2027-12-07" or "2027-12-07 14:00".</summary>
    public static string Canonical(ResolvedDate date)
    {
        var local = BusinessTime.ToLocal(date.Utc);
        return date.DateOnly ? $"{local:yyyy-MM-dd}" : $"{local:yyyy-MM-dd HH:mm}";
    }

    private static string Clean(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        s = Lead().Replace(s, "");
        s = s.Replace("今晚", "今天晚上").Replace("明晚", "明天晚上").Replace("今早", "今天早上").Replace("明早", "明天早上")
             .Replace("明儿", "明天").Replace(" at ", " ");
        return ChineseNumber().Replace(s, m => Numerals.ChineseValue(m.Value) is decimal v ? ((int)v).ToString() : m.Value);
    }

    // Chinese numerals before a unit (三天后, 十二月, 两周后, 八点); not weekday names (周三 stays).
    [GeneratedRegex(@"(?<![周期拜])[零一二两三四五六七八九十]{1,3}(?=[天日号月周个点时分])")]
    private static partial Regex ChineseNumber();

    // "by friday", "before eod", "on dec 7": words that add nothing to the date.
    [GeneratedRegex(@"^(?:by|before|on|at|until)\s+")]
    private static partial Regex Lead();

    // 周五前, 月底之前, 下班前: a deadline is its day; "3天前" (ago) is not a deadline.
    [GeneratedRegex(@"(?:之前|以前|前)$")]
    private static partial Regex Deadline();

    [GeneratedRegex(@"\d\s*(?:天|日|周|个星期|星期|个礼拜|礼拜|个月|月)\s*(?:之前|以前|前)$")]
    private static partial Regex Ago();
}

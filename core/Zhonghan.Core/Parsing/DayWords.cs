using System.Text.RegularExpressions;

namespace Zhonghan.Core.Parsing;

/// <summary>A day read from text; <see cref="Passed"/> is set when a plan's month-day (or day) has just passed.</summary>
internal readonly record struct DayRead(DateOnly Day, string? Passed = null, string? PassedEn = null, string? Meant = null);

/// <summary>
/// The day part of a date expression (already cleaned: lower case, digits for Chinese numerals): 今天, 明天, 下周三,
/// 上周五, 周末, 月底, 过两天, 3天后, 3天前, 12月5日, 5号, 2026-12-05, next wed, dec 7. Resolved by purpose.
/// </summary>
internal static partial class DayWords
{
    /// <summary>A plan's month-day that passed at most this many days ago is asked about, not moved a year.</summary>
    public const int AskWithinDays = 60;

    public static DayRead? Parse(string s, DateOnly today, DatePurpose purpose)
    {
        s = s.Trim().TrimEnd('的').Trim();
        switch (s)
        {
            case "" or "今天" or "今日" or "today": return new(today);
            case "明天" or "明日" or "tomorrow" or "tmr" or "tmrw": return new(today.AddDays(1));
            case "后天" or "day after tomorrow": return new(today.AddDays(2));
            case "大后天": return new(today.AddDays(3));
            case "昨天" or "昨日" or "yesterday": return new(today.AddDays(-1));
            case "前天": return new(today.AddDays(-2));
            case "大前天": return new(today.AddDays(-3));
            case "下周" or "下星期" or "下礼拜" or "下个星期" or "下个礼拜" or "next week": return new(WeekDay(today, DayOfWeek.Monday, 1));
            case "下下周" or "下下星期" or "下下礼拜": return new(WeekDay(today, DayOfWeek.Monday, 2));
            case "上周" or "上星期" or "上礼拜" or "last week": return new(WeekDay(today, DayOfWeek.Monday, -1));
            case "下个月" or "下月" or "next month": return new(today.AddMonths(1));
            case "上个月" or "上月" or "last month": return new(today.AddMonths(-1));
            case "过2天" or "过两天" or "in a couple of days": return new(today.AddDays(2));
            case "过几天" or "几天后" or "过些天" or "过两三天" or "两三天后" or "in a few days": return new(today.AddDays(3));
            case "周末" or "这周末" or "本周末" or "weekend" or "this weekend":
                return new(purpose == DatePurpose.Past ? Latest(today, DayOfWeek.Saturday) : Upcoming(today, DayOfWeek.Saturday));
            case "下周末" or "next weekend": return new(WeekDay(today, DayOfWeek.Saturday, 1));
            case "月底" or "月末" or "本月底" or "这个月底" or "end of month" or "end of the month" or "eom":
                var end = EndOfMonth(today);
                return new(purpose == DatePurpose.Past && end > today ? EndOfMonth(today.AddMonths(-1)) : end);
            case "下月底" or "下个月底" or "下月末" or "end of next month": return new(EndOfMonth(today.AddMonths(1)));
            case "年底" or "年末" or "end of year" or "end of the year": return new(new DateOnly(today.Year, 12, 31));
        }

        var m = After().Match(s);
        if (m.Success) return Offset(today, m, sign: s.StartsWith("in ") || !m.Groups["ago"].Success ? 1 : -1);

        m = WeekdayZh().Match(s);
        if (m.Success) return Weekday(today, Names.Weekday(m.Groups["d"].Value), m.Groups["pre"].Value, purpose);

        m = WeekdayEn().Match(s);
        if (m.Success) return Weekday(today, Names.Weekday(m.Groups["d"].Value), m.Groups["pre"].Value.Trim(), purpose);

        m = FullDate().Match(s);
        if (m.Success) return Make(int.Parse(m.Groups["y"].Value), int.Parse(m.Groups["mo"].Value), int.Parse(m.Groups["d"].Value)) is DateOnly full ? new(full) : null;

        m = MonthDay().Match(s);
        if (m.Success) return MonthAndDay(today, int.Parse(m.Groups["mo"].Value), int.Parse(m.Groups["d"].Value), purpose);

        m = MonthDayEn().Match(s);
        if (m.Success) return MonthAndDay(today, Names.Month(m.Groups["mon"].Value), int.Parse(m.Groups["d"].Value), purpose);

        m = DayOnly().Match(s);
        if (m.Success) return DayOfMonth(today, int.Parse(m.Groups["d"].Value), purpose);
        return null;
    }

    private static DayRead? Offset(DateOnly today, Match m, int sign)
    {
        var n = int.Parse(m.Groups["n"].Value) * sign;
        if (Math.Abs(n) > 3650) return null;
        return m.Groups["u"].Value switch
        {
            "天" or "日" or "day" or "days" => new(today.AddDays(n)),
            "周" or "个星期" or "星期" or "个礼拜" or "礼拜" or "week" or "weeks" => new(today.AddDays(7 * n)),
            "个月" or "月" or "month" or "months" => new(today.AddMonths(n)),
            _ => null,
        };
    }

    private static DayRead? Weekday(DateOnly today, DayOfWeek? dow, string prefix, DatePurpose purpose)
    {
        if (dow is not DayOfWeek d) return null;
        return prefix switch
        {
            "下下" => new(WeekDay(today, d, 2)),
            "下" or "下个" or "next" => new(WeekDay(today, d, 1)),
            "上" or "上个" or "last" => new(WeekDay(today, d, -1)),
            "本" or "这" or "这个" or "this" => new(WeekDay(today, d, 0)),
            _ => new(purpose == DatePurpose.Past ? Latest(today, d) : Upcoming(today, d)),
        };
    }

    private static DayRead? MonthAndDay(DateOnly today, int month, int day, DatePurpose purpose)
    {
        if (Make(today.Year, month, day) is not DateOnly date)
            return Make(today.Year + (purpose == DatePurpose.Past ? -1 : 1), month, day) is DateOnly leap ? new(leap) : null; // 2月29日
        if (purpose == DatePurpose.Past)
            return date <= today ? new(date) : Make(today.Year - 1, month, day) is DateOnly last ? new(last) : null;
        if (date >= today) return new(date);
        if (Make(today.Year + 1, month, day) is not DateOnly next) return null;
        if (today.DayNumber - date.DayNumber > AskWithinDays) return new(next);
        return new(next, $"{month}月{day}日已经过了，是指明年 {month}月{day}日 吗？",
            $"{Names.MonthEn(month)} {day} has passed. Do you mean {Names.MonthEn(month)} {day} next year?");
    }

    private static DayRead? DayOfMonth(DateOnly today, int day, DatePurpose purpose)
    {
        var date = Make(today.Year, today.Month, day);
        if (purpose == DatePurpose.Past)
        {
            if (date is DateOnly d && d <= today) return new(d);
            var prev = today.AddMonths(-1);
            return Make(prev.Year, prev.Month, day) is DateOnly p ? new(p) : null;
        }
        if (date is DateOnly same && same >= today) return new(same);
        var nextMonth = today.AddMonths(1);
        if (Make(nextMonth.Year, nextMonth.Month, day) is not DateOnly next) return null;
        return date is null ? new(next) : new(next, $"{day}号已经过了，是指下个月 {day}号（{next.Month}月{day}日）吗？",
            $"The {day}th has passed. Do you mean {Names.MonthEn(next.Month)} {day}?");
    }

    internal static DateOnly? Make(int y, int mo, int d)
    {
        if (y < 2000 || y > 2100 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return new DateOnly(y, mo, d);
    }

    /// <summary>The weekday <paramref name="dow"/> of the week <paramref name="weeks"/> from this one (weeks start on Monday, as in China).</summary>
    private static DateOnly WeekDay(DateOnly today, DayOfWeek dow, int weeks)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return monday.AddDays(((int)dow + 6) % 7 + 7 * weeks);
    }

    /// <summary>The next such weekday from today on (today counts).</summary>
    private static DateOnly Upcoming(DateOnly today, DayOfWeek dow) => today.AddDays(((int)dow - (int)today.DayOfWeek + 7) % 7);

    /// <summary>The latest such weekday up to today (today counts).</summary>
    private static DateOnly Latest(DateOnly today, DayOfWeek dow) => today.AddDays(-(((int)today.DayOfWeek - (int)dow + 7) % 7));

    private static DateOnly EndOfMonth(DateOnly day) => new(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));

    [GeneratedRegex(@"^(?:in\s+|过)?(?<n>\d{1,4})\s*(?<u>天|日|个星期|星期|个礼拜|礼拜|周|个月|月|days?|weeks?|months?)\s*(?:后|以后|之后|later|(?<ago>前|以前|之前|ago))?$")]
    private static partial Regex After();

    [GeneratedRegex(@"^(?<pre>下下|下个|下|本|这个|这|上个|上)?(?:周|星期|礼拜)(?<d>[一二三四五六日天1-7])$")]
    private static partial Regex WeekdayZh();

    [GeneratedRegex(@"^(?<pre>next\s+|last\s+|this\s+)?(?<d>mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)$")]
    private static partial Regex WeekdayEn();

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<mo>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*[日号]?$")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^(?<mo>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*[日号]?$")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"^(?:(?<mon>[a-z]{3,9})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?|(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>[a-z]{3,9})\.?)$")]
    private static partial Regex MonthDayEn();

    [GeneratedRegex(@"^(?<d>\d{1,2})\s*[日号]$")]
    private static partial Regex DayOnly();
}

using System.Text;
using System.Text.RegularExpressions;

namespace Zhonghan.Core.Time;

/// <summary>A resolved date expression: the UTC instant and whether only a date was given (due at 09:00).</summary>
public readonly record struct ResolvedDate(DateTime Utc, bool DateOnly)
{
    public DateOnly LocalDay => System.DateOnly.FromDateTime(BusinessTime.ToLocal(Utc));
    public string Describe() => BusinessTime.Describe(Utc, DateOnly);
}

/// <summary>
/// Parses the dates reps type: 今天, 明天, 后天, 下周三, 周五, 3天后, 两周后, 12月5日, 12-05 14:00, 2026-12-05,
/// 明天下午3点, tomorrow, next wed, in 3 days. Relative to the business day in Asia/Shanghai.
/// </summary>
public static partial class DateExpression
{
    public static bool TryParse(string? text, TimeProvider clock, out ResolvedDate result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = Clean(text);
        var today = BusinessTime.Today(clock);

        var (datePart, time) = SplitTime(s);
        if (time is null && datePart.Length == 0) return false;
        DateOnly? day = datePart.Length == 0 ? today : ParseDay(datePart, today);
        if (day is null) return false;
        if (time is TimeOnly t)
        {
            var local = day.Value.ToDateTime(t);
            result = new ResolvedDate(BusinessTime.ToUtc(local), false);
        }
        else
        {
            result = new ResolvedDate(BusinessTime.DueUtc(day.Value), true);
        }
        return true;
    }

    private static string Clean(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        s = ChineseNumber().Replace(s, m => ChineseToInt(m.Value).ToString());
        return s;
    }

    private static (string Date, TimeOnly? Time) SplitTime(string s)
    {
        var m = TimePattern().Match(s);
        if (!m.Success) return (s.Trim(), null);
        var hour = int.Parse(m.Groups["h"].Value);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value) : m.Groups["half"].Success ? 30 : 0;
        var period = m.Groups["p"].Value + m.Groups["ap"].Value;
        if (period is "下午" or "晚上" or "傍晚" or "pm" && hour < 12) hour += 12;
        if (period is "中午" && hour < 11) hour += 12;
        if (period is "上午" or "早上" or "am" && hour == 12) hour = 0;
        if (hour > 23 || minute > 59) return (s, null);
        var rest = (s[..m.Index] + s[(m.Index + m.Length)..]).Trim();
        return (rest, new TimeOnly(hour, minute));
    }

    private static DateOnly? ParseDay(string s, DateOnly today)
    {
        s = s.Trim().TrimEnd('的');
        switch (s)
        {
            case "今天" or "今日" or "today": return today;
            case "明天" or "明日" or "tomorrow": return today.AddDays(1);
            case "后天": return today.AddDays(2);
            case "昨天" or "昨日" or "yesterday": return today.AddDays(-1);
            case "前天": return today.AddDays(-2);
            case "大后天": return today.AddDays(3);
            case "下周" or "下星期" or "下礼拜" or "next week": return NextWeekDay(today, DayOfWeek.Monday, nextWeek: true);
            case "下个月" or "下月" or "next month": return today.AddMonths(1);
        }

        var m = Relative().Match(s);
        if (m.Success)
        {
            var n = int.Parse(m.Groups["n"].Value);
            if (n > 3650) return null;
            return m.Groups["u"].Value switch
            {
                "天" or "日" or "day" or "days" => today.AddDays(n),
                "周" or "个星期" or "星期" or "个礼拜" or "礼拜" or "week" or "weeks" => today.AddDays(7 * n),
                "个月" or "月" or "month" or "months" => today.AddMonths(n),
                _ => null,
            };
        }

        m = WeekdayZh().Match(s);
        if (m.Success)
        {
            var dow = WeekdayFrom(m.Groups["d"].Value);
            if (dow is null) return null;
            var prefix = m.Groups["pre"].Value;
            if (prefix == "下下") return NextWeekDay(today, dow.Value, nextWeek: true).AddDays(7);
            if (prefix.StartsWith('下')) return NextWeekDay(today, dow.Value, nextWeek: true);
            if (prefix is "本" or "这") return SameWeekDay(today, dow.Value);
            return UpcomingDay(today, dow.Value);
        }

        m = WeekdayEn().Match(s);
        if (m.Success)
        {
            var dow = WeekdayFrom(m.Groups["d"].Value);
            if (dow is null) return null;
            return m.Groups["next"].Success ? NextWeekDay(today, dow.Value, nextWeek: true) : UpcomingDay(today, dow.Value);
        }

        m = FullDate().Match(s);
        if (m.Success) return MakeDate(int.Parse(m.Groups["y"].Value), int.Parse(m.Groups["mo"].Value), int.Parse(m.Groups["d"].Value));

        m = MonthDay().Match(s);
        if (m.Success)
        {
            var mo = int.Parse(m.Groups["mo"].Value);
            var d = int.Parse(m.Groups["d"].Value);
            var date = MakeDate(today.Year, mo, d);
            if (date is DateOnly dd && dd < today) date = MakeDate(today.Year + 1, mo, d);
            return date;
        }

        m = DayOnly().Match(s);
        if (m.Success)
        {
            var d = int.Parse(m.Groups["d"].Value);
            var date = MakeDate(today.Year, today.Month, d);
            if (date is DateOnly dd && dd < today) { var next = today.AddMonths(1); date = MakeDate(next.Year, next.Month, d); }
            return date;
        }
        return null;
    }

    private static DateOnly? MakeDate(int y, int mo, int d)
    {
        if (y < 2000 || y > 2100 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return new DateOnly(y, mo, d);
    }

    /// <summary>The given weekday of next week (weeks start on Monday, as in China).</summary>
    private static DateOnly NextWeekDay(DateOnly today, DayOfWeek dow, bool nextWeek)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var target = monday.AddDays(((int)dow + 6) % 7);
        return nextWeek ? target.AddDays(7) : target;
    }

    private static DateOnly? SameWeekDay(DateOnly today, DayOfWeek dow)
    {
        var d = NextWeekDay(today, dow, nextWeek: false);
        return d < today ? null : d;
    }

    /// <summary>The next such weekday from today on (today counts).</summary>
    private static DateOnly UpcomingDay(DateOnly today, DayOfWeek dow)
    {
        var delta = ((int)dow - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(delta);
    }

    private static DayOfWeek? WeekdayFrom(string d) => d switch
    {
        "一" or "1" or "mon" or "monday" => DayOfWeek.Monday,
        "二" or "2" or "tue" or "tues" or "tuesday" => DayOfWeek.Tuesday,
        "三" or "3" or "wed" or "wednesday" => DayOfWeek.Wednesday,
        "四" or "4" or "thu" or "thur" or "thurs" or "thursday" => DayOfWeek.Thursday,
        "五" or "5" or "fri" or "friday" => DayOfWeek.Friday,
        "六" or "6" or "sat" or "saturday" => DayOfWeek.Saturday,
        "日" or "天" or "7" or "sun" or "sunday" => DayOfWeek.Sunday,
        _ => null,
    };

    private static int ChineseToInt(string s)
    {
        // 一..九十九; "两" = 2.
        int Digit(char c) => "零一二三四五六七八九".IndexOf(c) is var i and >= 0 ? i : c == '两' ? 2 : 0;
        var ten = s.IndexOf('十');
        if (ten < 0) return Digit(s[0]);
        var tens = ten == 0 ? 1 : Digit(s[ten - 1]);
        var ones = ten == s.Length - 1 ? 0 : Digit(s[ten + 1]);
        return tens * 10 + ones;
    }

    // Chinese numerals before a unit (三天后, 十二月, 两周后, 五日); not weekday names (周三 stays).
    [GeneratedRegex(@"(?<![周期拜])[零一二两三四五六七八九十]{1,3}(?=[天日号号月周个点时分])")]
    private static partial Regex ChineseNumber();

    [GeneratedRegex(@"(?<p>上午|下午|晚上|傍晚|早上|中午)?\s*(?<h>\d{1,2})\s*(?::(?<m>\d{2})(?:\s*(?<ap>am|pm))?|[点时](?:(?<half>半)|(?<m>\d{1,2})分?)?|(?<ap>am|pm)\b)")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?:in\s+)?(?<n>\d{1,4})\s*(?<u>天|日|个星期|星期|个礼拜|礼拜|周|个月|月|days?|weeks?|months?)\s*(?:后|以后|之后|later)?$")]
    private static partial Regex Relative();

    [GeneratedRegex(@"^(?<pre>下下|下个|下|本|这)?(?:周|星期|礼拜)(?<d>[一二三四五六日天1-7])$")]
    private static partial Regex WeekdayZh();

    [GeneratedRegex(@"^(?<next>next\s+)?(?<d>mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)$")]
    private static partial Regex WeekdayEn();

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<mo>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*[日号]?$")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^(?<mo>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*[日号]?$")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"^(?<d>\d{1,2})\s*[日号]$")]
    private static partial Regex DayOnly();
}

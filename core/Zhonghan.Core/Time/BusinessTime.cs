namespace Zhonghan.Core.Time;

/// <summary>
/// Business dates are Asia/Shanghai; storage is UTC. A follow-up given as a date only falls due at
/// <see cref="DayStartHour"/> on that day.
/// </summary>
public static class BusinessTime
{
    public const int DayStartHour = 9;

    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // China has had no daylight saving since 1991: a fixed +08:00 zone is exact.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "CST");
        }
    }

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public static DateTime LocalNow(TimeProvider clock) => ToLocal(clock.GetUtcNow().UtcDateTime);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(LocalNow(clock));

    /// <summary>UTC instant of local midnight starting <paramref name="day"/>.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>UTC instant of a date-only due time (09:00 local).</summary>
    public static DateTime DueUtc(DateOnly day) => ToUtc(day.ToDateTime(new TimeOnly(DayStartHour, 0)));

    public static string Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        _ => "周日",
    };

    /// <summary>"2026-12-02（周三）" or with a time "2026-12-02（周三）14:00".</summary>
    public static string Describe(DateTime utc, bool dateOnly)
    {
        var local = ToLocal(utc);
        var day = DateOnly.FromDateTime(local);
        var text = $"{day:yyyy-MM-dd}（{Weekday(day)}）";
        return dateOnly ? text : $"{text}{local:HH:mm}";
    }

    /// <summary>English form: "Wed 2026-12-02" or "Wed 2026-12-02 14:00".</summary>
    public static string DescribeEnglish(DateTime utc, bool dateOnly)
    {
        var local = ToLocal(utc);
        var text = $"{local.DayOfWeek.ToString()[..3]} {local:yyyy-MM-dd}";
        return dateOnly ? text : $"{text} {local:HH:mm}";
    }
}

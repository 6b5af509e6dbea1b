namespace Zhonghan.Core.Parsing;

/// <summary>Weekday and month names, Chinese and English.</summary>
internal static class Names
{
    public static DayOfWeek? Weekday(string d) => d switch
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

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>1–12 for jan/january … dec/december; 0 (no such month, so no date) otherwise.</summary>
    public static int Month(string name)
    {
        var i = name.Length < 3 ? -1 : Array.IndexOf(Months, name[..3]);
        if (i < 0) return 0;
        if (name.Length == 3 || name == "sept") return i + 1;
        return name == System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(i + 1).ToLowerInvariant() ? i + 1 : 0;
    }

    public static string MonthEn(int month) => System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month);
}

using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Time;

/// <summary>A resolved date expression: the UTC instant and whether only a date was given (due at 09:00).</summary>
public readonly record struct ResolvedDate(DateTime Utc, bool DateOnly)
{
    public DateOnly LocalDay => System.DateOnly.FromDateTime(BusinessTime.ToLocal(Utc));
    public string Describe() => BusinessTime.Describe(Utc, DateOnly);

    /// <summary>
    /// When something that happened on this date happened: a time as given; a date-only day counts as the whole
    /// day — today is "now" at any hour (not a noon that may still be ahead), an earlier day is its noon.
    /// </summary>
    public DateTime HappenedUtc(DateTime nowUtc)
    {
        if (!DateOnly) return Utc;
        var noon = BusinessTime.StartOfDayUtc(LocalDay).AddHours(12);
        return LocalDay == System.DateOnly.FromDateTime(BusinessTime.ToLocal(nowUtc)) ? nowUtc : noon;
    }
}

/// <summary>
/// The older entry point, kept for its callers: a date read as a plan (<see cref="DatePurpose.Plan"/>) whose
/// just-passed month-day is taken as next year's without asking. New code uses <see cref="DateParser"/> with a purpose.
/// </summary>
public static class DateExpression
{
    public static bool TryParse(string? text, TimeProvider clock, out ResolvedDate result)
    {
        var ok = DateParser.TryParse(text, DatePurpose.Plan, clock, out var reading);
        result = ok ? reading!.Date : default;
        return ok;
    }
}

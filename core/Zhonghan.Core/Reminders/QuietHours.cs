using Zhonghan.Core.Time;

namespace Zhonghan.Core.Reminders;

/// <summary>Quiet hours (default 22:00–08:00): what falls due inside them is delivered at 08:30.</summary>
public sealed class QuietHours(ReminderOptions options)
{
    public bool IsQuiet(DateTime utc)
    {
        var t = TimeOnly.FromDateTime(BusinessTime.ToLocal(utc));
        return options.QuietStart > options.QuietEnd
            ? t >= options.QuietStart || t < options.QuietEnd
            : t >= options.QuietStart && t < options.QuietEnd;
    }

    /// <summary>When a reminder due at <paramref name="dueUtc"/> may be delivered.</summary>
    public DateTime DeliverAt(DateTime dueUtc)
    {
        if (!IsQuiet(dueUtc)) return dueUtc;
        var local = BusinessTime.ToLocal(dueUtc);
        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= options.QuietStart && options.QuietStart > options.QuietEnd) day = day.AddDays(1);
        return BusinessTime.ToUtc(day.ToDateTime(options.QuietDeliverAt));
    }
}

namespace Zhonghan.Core.Reminders;

/// <summary>The "Reminders" settings section. Times are Shanghai business time.</summary>
public sealed class ReminderOptions
{
    /// <summary>No pushes from this time…</summary>
    public TimeOnly QuietStart { get; set; } = new(22, 0);
    /// <summary>…until this time; what fell due in between is delivered at <see cref="QuietDeliverAt"/>.</summary>
    public TimeOnly QuietEnd { get; set; } = new(8, 0);
    public TimeOnly QuietDeliverAt { get; set; } = new(8, 30);
    /// <summary>A follow-up overdue by this many days is reported to the manager, once (0 = never).</summary>
    public int EscalateAfterDays { get; set; } = 3;
    /// <summary>A reminder delivered this much after its time says it is late (the bot was down).</summary>
    public int LateAfterMinutes { get; set; } = 10;
    /// <summary>After downtime, reminders due at most this many days ago are caught up.</summary>
    public int CatchUpDays { get; set; } = 7;
    /// <summary>Daily digest time; the weekly one goes out on Mondays at the same time.</summary>
    public TimeOnly DigestAt { get; set; } = new(8, 30);
    /// <summary>
    /// WeCom group-robot keys per department name (Reminders:Robots:华东销售部=KEY): the department's digest also goes
    /// to that group. Keys are secrets: keep them in environment variables or user secrets.
    /// </summary>
    public Dictionary<string, string> Robots { get; set; } = new();

    /// <summary>Font family for chart text (must render Chinese); empty = the first installed CJK font.</summary>
    public string? ChartFont { get; set; }
}

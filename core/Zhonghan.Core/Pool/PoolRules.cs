namespace Zhonghan.Core.Pool;

/// <summary>Public-pool (公海) rules, bound from the "Pool" settings section.</summary>
public sealed class PoolRules
{
    /// <summary>How many customers a rep may claim per business day.</summary>
    public int DailyClaimLimit { get; set; } = 10;
    /// <summary>Most private customers (leads + active) one rep may hold.</summary>
    public int MaxPrivatePerRep { get; set; } = 300;
    /// <summary>Days the previous owner must wait before claiming a returned customer again.</summary>
    public int ReclaimCooldownDays { get; set; } = 30;
    /// <summary>A customer with no follow-up for this many days returns to the pool automatically (0 = never).</summary>
    public int AutoReturnDays { get; set; } = 30;
    /// <summary>The owner is warned this many days before the automatic return.</summary>
    public int WarningDaysBefore { get; set; } = 3;
    /// <summary>Shortest accepted reason when returning a customer by hand.</summary>
    public int MinReasonLength { get; set; } = 2;
}

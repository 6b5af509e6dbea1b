namespace Zhonghan.Core.Sales;

/// <summary>The "Sales" settings section: stage gates, approval routing, samples, payment terms, pay.</summary>
public sealed class SalesOptions
{
    public StageGateOptions Gates { get; set; } = new();
    /// <summary>Routing rules; empty = <see cref="DefaultRules"/> (a bound list would append to defaults, so none are preset).</summary>
    public List<ApprovalRule> ApprovalRules { get; set; } = new();

    public IReadOnlyList<ApprovalRule> EffectiveRules => ApprovalRules.Count > 0 ? ApprovalRules : DefaultRules();
    /// <summary>Sample requests need the manager's approval before they ship.</summary>
    public bool SampleApproval { get; set; }
    /// <summary>Default payment terms (days after invoice) for customers without their own.</summary>
    public int DefaultPaymentTermDays { get; set; } = 30;
    /// <summary>A quote waiting longer than this reminds its approver (the reminders job uses it).</summary>
    public int ApprovalReminderHours { get; set; } = 4;
    /// <summary>Registrations expiring within this many days are flagged.</summary>
    public int RegistrationWarningDays { get; set; } = 30;
    public PayOptions Pay { get; set; } = new();

    /// <summary>
    /// First matching rule wins: ≥ ¥500,000 → manager then general manager; ≥ ¥50,000, an A customer, 5+ lines or a
    /// special part → manager; otherwise no approval.
    /// </summary>
    public static List<ApprovalRule> DefaultRules() =>
    [
        new() { Name = "大额", MinAmount = 500_000m, Approvers = [People.Role.Manager, People.Role.GeneralManager] },
        new() { Name = "中额", MinAmount = 50_000m, Approvers = [People.Role.Manager] },
        new() { Name = "A类客户", Importance = Customers.Importance.A, Approvers = [People.Role.Manager] },
        new() { Name = "复杂报价", MinLines = 5, Approvers = [People.Role.Manager] },
        new() { Name = "特殊物料", AnySpecial = true, Approvers = [People.Role.Manager] },
    ];
}

/// <summary>What each stage needs before an opportunity may enter it.</summary>
public sealed class StageGateOptions
{
    /// <summary>询报价 needs at least one part with an annual quantity.</summary>
    public bool QuoteNeedsParts { get; set; } = true;
    /// <summary>申样 needs an approved quote.</summary>
    public bool SampleNeedsApprovedQuote { get; set; } = true;
    /// <summary>测试 needs a shipped sample.</summary>
    public bool TestingNeedsShippedSample { get; set; } = true;
    /// <summary>发起订单 needs a passed test.</summary>
    public bool OrderNeedsPassedTest { get; set; } = true;
}

/// <summary>One approval-routing rule: when all its conditions hold, the quote goes to these roles in order.</summary>
public sealed class ApprovalRule
{
    public string Name { get; set; } = "";
    public decimal? MinAmount { get; set; }
    public Customers.Importance? Importance { get; set; }
    public int? MinLines { get; set; }
    public bool AnySpecial { get; set; }
    public List<People.Role> Approvers { get; set; } = new();
}

/// <summary>Rep pay per quarter = base + commission rate × payments received × overdue coefficient.</summary>
public sealed class PayOptions
{
    public decimal QuarterlyBase { get; set; } = 36_000m;
    public decimal CommissionRate { get; set; } = 0.01m;
    /// <summary>Share of the rep's receivables overdue at quarter end → coefficient; first band whose limit is not exceeded.
    /// Empty = <see cref="DefaultBands"/>.</summary>
    public List<OverdueBand> OverdueBands { get; set; } = new();

    public IReadOnlyList<OverdueBand> EffectiveBands => OverdueBands.Count > 0 ? OverdueBands.OrderBy(b => b.MaxOverdueShare).ToList() : DefaultBands();

    public static List<OverdueBand> DefaultBands() =>
    [
        new() { MaxOverdueShare = 0.05m, Coefficient = 1.0m },
        new() { MaxOverdueShare = 0.15m, Coefficient = 0.9m },
        new() { MaxOverdueShare = 0.30m, Coefficient = 0.8m },
        new() { MaxOverdueShare = 1.00m, Coefficient = 0.6m },
    ];
}

public sealed class OverdueBand
{
    public decimal MaxOverdueShare { get; set; }
    public decimal Coefficient { get; set; }
}

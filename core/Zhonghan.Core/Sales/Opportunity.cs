namespace Zhonghan.Core.Sales;

/// <summary>The five stages of a deal (需求挖掘 → 询报价 → 申样 → 测试 → 发起订单) and its two ends.</summary>
public enum Stage { Discovery, Quote, Sample, Testing, Order, Won, Lost }

public static class Stages
{
    public static readonly Stage[] Pipeline = [Stage.Discovery, Stage.Quote, Stage.Sample, Stage.Testing, Stage.Order];

    public static string Chinese(this Stage s) => s switch
    {
        Stage.Discovery => "需求挖掘", Stage.Quote => "询报价", Stage.Sample => "申样", Stage.Testing => "测试",
        Stage.Order => "发起订单", Stage.Won => "赢单", Stage.Lost => "丢单", _ => s.ToString(),
    };

    public static bool TryParse(string text, out Stage stage)
    {
        var t = text.Trim().ToLowerInvariant();
        foreach (var s in Enum.GetValues<Stage>())
            if (s.Chinese() == text.Trim() || s.ToString().ToLowerInvariant() == t) { stage = s; return true; }
        stage = t switch
        {
            "需求" or "挖掘" or "1" => Stage.Discovery,
            "询价" or "报价" or "询报价阶段" or "2" or "inquiry" => Stage.Quote,
            "样品" or "送样" or "3" or "samples" => Stage.Sample,
            "测试阶段" or "验证" or "4" or "test" => Stage.Testing,
            "订单" or "下单" or "5" or "orders" => Stage.Order,
            "赢" or "成交" or "win" => Stage.Won,
            _ => (Stage)(-1),
        };
        return Enum.IsDefined(stage);
    }

    public static bool IsOpen(this Stage s) => s is not (Stage.Won or Stage.Lost);
}

/// <summary>A 商机: a customer's project, its parts, its stage path and what was recorded along it. Times are UTC.</summary>
public sealed class Opportunity
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public string CustomerName { get; set; } = "";
    /// <summary>Project name, e.g. 新一代储能变流器.</summary>
    public string Name { get; set; } = "";
    /// <summary>Folded project name for lookups.</summary>
    public string NameKey { get; set; } = "";
    public int OwnerId { get; set; }
    public int DepartmentId { get; set; }
    public Stage Stage { get; set; }
    public string? LostReason { get; set; }
    public List<OpportunityPart> Parts { get; set; } = new();
    public decimal? ExpectedAmount { get; set; }
    /// <summary>The inquiry assistant handling 询报价, once handed over.</summary>
    public int? AssistantId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime StageSince { get; set; }
    public List<StageChange> History { get; set; } = new();
    public List<TestResult> Tests { get; set; } = new();
    public List<Registration> Registrations { get; set; } = new();

    /// <summary>Recomputes <see cref="NameKey"/> from the project name.</summary>
    public void RefreshNameKey() => NameKey = Customers.CompanyName.Fold(Name);

    public decimal PartsAmount => Parts.Sum(p => p.TargetPrice is decimal price ? price * p.AnnualQuantity : 0m);
}

public sealed class OpportunityPart
{
    public string Mpn { get; set; } = "";
    public long AnnualQuantity { get; set; }
    public decimal? TargetPrice { get; set; }
    /// <summary>Needs special handling (allocation, long lead time, EOL …): counts as complexity in approval routing.</summary>
    public bool Special { get; set; }
}

public sealed class StageChange
{
    public Stage From { get; set; }
    public Stage To { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
    public string? Note { get; set; }
}

public sealed class TestResult
{
    public bool Passed { get; set; }
    public string Feedback { get; set; } = "";
    public DateTime At { get; set; }
    public int ById { get; set; }
}

public enum RegistrationStatus { Submitted, Approved, Rejected, Expired }

/// <summary>A design registration (报备) of the customer's project with a manufacturer.</summary>
public sealed class Registration
{
    public string Manufacturer { get; set; } = "";
    public RegistrationStatus Status { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public string? BuildLocation { get; set; }
    public string? Note { get; set; }

    public static string Chinese(RegistrationStatus s) => s switch
    {
        RegistrationStatus.Submitted => "已提交", RegistrationStatus.Approved => "已通过",
        RegistrationStatus.Rejected => "被驳回", _ => "已过期",
    };
}

namespace Zhonghan.Core.Sales;

public enum QuoteStatus { Draft, PendingApproval, Approved, Rejected, Superseded }

/// <summary>A versioned quote of an opportunity; approval steps run in order (manager, then general manager).</summary>
public sealed class Quote
{
    public int Id { get; set; }
    public int OpportunityId { get; set; }
    public int CustomerId { get; set; }
    public int Version { get; set; }
    public List<QuoteLine> Lines { get; set; } = new();
    public decimal Amount { get; set; }
    public QuoteStatus Status { get; set; }
    public string? RuleName { get; set; }
    public List<ApprovalStep> Steps { get; set; } = new();
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int ValidDays { get; set; } = 30;

    public string No => $"Q{Id}";
    public ApprovalStep? CurrentStep => Steps.FirstOrDefault(s => s.Decision is null);

    public static string Chinese(QuoteStatus s) => s switch
    {
        QuoteStatus.Draft => "草稿", QuoteStatus.PendingApproval => "审批中", QuoteStatus.Approved => "已批准",
        QuoteStatus.Rejected => "已驳回", _ => "已作废",
    };
}

public sealed class QuoteLine
{
    public string Mpn { get; set; } = "";
    public long Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public string? LeadTime { get; set; }
    public long? Moq { get; set; }
    public bool Special { get; set; }
    public decimal Amount => UnitPrice * Quantity;
}

public sealed class ApprovalStep
{
    public People.Role Role { get; set; }
    /// <summary>Who may decide this step (the department's managers, or the general managers).</summary>
    public List<int> ApproverIds { get; set; } = new();
    public DateTime? AskedAt { get; set; }
    public bool? Decision { get; set; }
    public int? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? Comment { get; set; }
    /// <summary>The action-token group of the card sent for this step (the audit names it).</summary>
    public string? CardGroup { get; set; }
    public bool Reminded { get; set; }
}

/// <summary>A price given by purchasing for a part (定价), the latest one counts.</summary>
public sealed class PartPrice
{
    public int Id { get; set; }
    public string Mpn { get; set; } = "";
    /// <summary>Folded part number (case and separators removed) for lookups.</summary>
    public string MpnKey { get; set; } = "";
    public decimal UnitPrice { get; set; }
    public string? LeadTime { get; set; }
    public long? Moq { get; set; }
    public int ById { get; set; }
    public DateTime At { get; set; }

    public static string Key(string mpn) => new(mpn.Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}

/// <summary>An inquiry assistant asked purchasing to price an opportunity's parts (求价).</summary>
public sealed class PriceRequest
{
    public int Id { get; set; }
    public int OpportunityId { get; set; }
    public List<string> MpnKeys { get; set; } = new();
    public int RequestedById { get; set; }
    public DateTime At { get; set; }
    public bool Open { get; set; } = true;
}

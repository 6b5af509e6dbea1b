namespace Zhonghan.Core.Security;

/// <summary>One change: who, when, through which channel and message, what.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public string Channel { get; set; } = "";
    public string? MessageId { get; set; }
    /// <summary>What happened, e.g. lead.create, followup.add, pool.claim.</summary>
    public string Action { get; set; } = "";
    /// <summary>"customer:12", "quote:3" … (indexed).</summary>
    public string? EntityKey { get; set; }
    public string Summary { get; set; } = "";
}

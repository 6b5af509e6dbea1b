namespace Zhonghan.Core.Customers;

public enum CustomerStatus { Lead, Active, PublicPool }

public enum Importance { A, B, C }

/// <summary>A customer company (a lead while status is <see cref="CustomerStatus.Lead"/>). Times are UTC.</summary>
public sealed class Customer
{
    public int Id { get; set; }
    public string Company { get; set; } = "";
    /// <summary>Normalized company name used for duplicate detection (see <see cref="CompanyName"/>).</summary>
    public string NameKey { get; set; } = "";
    /// <summary>The name key without a leading region (深圳市汇川技术 → 汇川技术), for partial-name lookup.</summary>
    public string CoreKey { get; set; } = "";
    public string? Industry { get; set; }
    public string? Region { get; set; }
    public Importance Importance { get; set; } = Importance.C;
    public string? Source { get; set; }
    /// <summary>Payment terms in days after invoice (月结30天 → 30); null = the company default.</summary>
    public int? PaymentTermDays { get; set; }
    public int? OwnerId { get; set; }
    /// <summary>The owning department (kept while in the pool, for managers' views).</summary>
    public int DepartmentId { get; set; }
    public CustomerStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastFollowUpAt { get; set; }
    public DateTime? NextFollowUpAt { get; set; }
    /// <summary>The next follow-up was given as a date only (it falls due at the start of the business day).</summary>
    public bool NextFollowUpDateOnly { get; set; }
    public List<Contact> Contacts { get; set; } = new();
    /// <summary>Normalized phone numbers of all contacts (indexed for duplicate detection).</summary>
    public List<string> Phones { get; set; } = new();

    // Pool bookkeeping
    /// <summary>When the current owner got it (created, claimed or assigned); the pool clock starts here.</summary>
    public DateTime? OwnedSince { get; set; }
    /// <summary>Last activity by the owner (owned customers only; null in the pool). Drives automatic return.</summary>
    public DateTime? LastTouchAt { get; set; }
    /// <summary>When it entered the pool (null when owned).</summary>
    public DateTime? PoolSince { get; set; }
    public string? PoolReason { get; set; }
    public int? PreviousOwnerId { get; set; }
    /// <summary>The pool warning was sent for the current <see cref="LastTouchAt"/> (so it is sent once).</summary>
    public DateTime? PoolWarnedFor { get; set; }

    /// <summary>The next follow-up a reminder was already sent for (so each plan is reminded once).</summary>
    public DateTime? ReminderSentFor { get; set; }
    /// <summary>The next follow-up the manager was already told is overdue (so it is escalated once).</summary>
    public DateTime? EscalatedFor { get; set; }

    /// <summary>Recomputes <see cref="Phones"/> from the contacts (call after changing a contact).</summary>
    public void RefreshPhones() =>
        Phones = Contacts.Select(c => PhoneNumber.Normalize(c.Phone)).Where(p => p.Length > 0).Distinct().ToList();
}

public enum ContactRole { HardwareRd, Purchasing, SupplyChain, Other }

public sealed class Contact
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public ContactRole Role { get; set; } = ContactRole.Other;
    public string? Title { get; set; }
    public string? Phone { get; set; }
    public string? WeChat { get; set; }
    public string? Email { get; set; }
}

public static class ContactRoles
{
    public static string Chinese(this ContactRole role) => role switch
    {
        ContactRole.HardwareRd => "硬件研发",
        ContactRole.Purchasing => "采购",
        ContactRole.SupplyChain => "供应链",
        _ => "其他",
    };

    public static ContactRole Parse(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "硬件研发" or "研发" or "硬件" or "工程师" or "rd" or "r&d" or "hardware" or "engineer" => ContactRole.HardwareRd,
        "采购" or "purchasing" or "buyer" => ContactRole.Purchasing,
        "供应链" or "supply chain" or "supplychain" or "scm" => ContactRole.SupplyChain,
        _ => ContactRole.Other,
    };
}

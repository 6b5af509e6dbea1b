namespace Zhonghan.Core.Customers;

/// <summary>What a new lead needs: a company, optionally a first contact and some attributes.</summary>
public sealed class LeadInput
{
    public string Company { get; set; } = "";
    public string? ContactName { get; set; }
    public ContactRole ContactRole { get; set; } = ContactRole.Other;
    public string? ContactTitle { get; set; }
    public string? Phone { get; set; }
    public string? WeChat { get; set; }
    public string? Email { get; set; }
    public string? Industry { get; set; }
    public string? Region { get; set; }
    public Importance Importance { get; set; } = Importance.C;
    public string? Source { get; set; }
    /// <summary>Owner to assign (imports and admins); the acting rep by default.</summary>
    public int? OwnerId { get; set; }
}

/// <summary>The outcome of creating a lead: the new customer, or the existing one it duplicates.</summary>
public sealed class LeadResult
{
    public Customer? Created { get; init; }
    public Customer? Existing { get; init; }
    /// <summary>Why it is a duplicate: "name" or "phone".</summary>
    public string? MatchedOn { get; init; }
    public bool IsDuplicate => Existing is not null;
}

namespace Zhonghan.Core.People;

/// <summary>An employee who uses the bot. Ids per channel map inbound senders to this user.</summary>
public sealed class User
{
    public int Id { get; set; }
    /// <summary>Display name, e.g. 张三.</summary>
    public string Name { get; set; } = "";
    /// <summary>Local chat name (also the demo WeCom userid), e.g. zhangsan. Unique.</summary>
    public string LocalName { get; set; } = "";
    public string? WeComUserId { get; set; }
    /// <summary>Microsoft Entra (AAD) object id used by Teams.</summary>
    public string? TeamsAadObjectId { get; set; }
    public Role Role { get; set; }
    public int DepartmentId { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>Takes customer hand-overs for the department when the customer has no owner.</summary>
    public bool OnDuty { get; set; }

    public bool SeesEverything => Role is Role.Admin or Role.GeneralManager;
}

public sealed class Department
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The department's WeCom group robot key for digests (a secret; optional).</summary>
    public string? RobotKey { get; set; }
}

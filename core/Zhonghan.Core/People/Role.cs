namespace Zhonghan.Core.People;

public enum Role
{
    /// <summary>销售</summary>
    Rep,
    /// <summary>询价助理</summary>
    InquiryAssistant,
    /// <summary>采购</summary>
    Purchasing,
    /// <summary>主管</summary>
    Manager,
    /// <summary>总经理 (sees everything, last step of large approvals)</summary>
    GeneralManager,
    /// <summary>管理员</summary>
    Admin,
}

public static class Roles
{
    public static string Chinese(this Role role) => role switch
    {
        Role.Rep => "销售",
        Role.InquiryAssistant => "询价助理",
        Role.Purchasing => "采购",
        Role.Manager => "主管",
        Role.GeneralManager => "总经理",
        Role.Admin => "管理员",
        _ => role.ToString(),
    };

    /// <summary>Parses a role from Chinese or English (销售 / rep, 主管 / manager …).</summary>
    public static bool TryParse(string text, out Role role)
    {
        role = text.Trim().ToLowerInvariant() switch
        {
            "销售" or "rep" or "sales" => Role.Rep,
            "询价助理" or "询价" or "助理" or "inquiryassistant" or "assistant" => Role.InquiryAssistant,
            "采购" or "purchasing" or "buyer" => Role.Purchasing,
            "主管" or "经理" or "manager" => Role.Manager,
            "总经理" or "generalmanager" or "gm" => Role.GeneralManager,
            "管理员" or "admin" => Role.Admin,
            _ => (Role)(-1),
        };
        return Enum.IsDefined(role);
    }
}

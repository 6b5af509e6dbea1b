using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Commands;

/// <summary>Who may use a command: checked before it runs (others are refused), and it is left out of their help.</summary>
public sealed record Who(string Zh, string En, Func<User, bool> Allows)
{
    public static readonly Who Everyone = new("所有人", "everyone", _ => true);
    public static readonly Who CustomerWorkers = new("销售、主管、总经理、管理员", "reps, managers, GM, admins", Access.WorksCustomers);
    public static readonly Who Managers = new("主管、总经理、管理员", "managers, GM, admins", u => u.Role is Role.Manager or Role.GeneralManager or Role.Admin);
    public static readonly Who Admins = new("管理员", "admins", u => u.Role == Role.Admin);
    public static readonly Who Purchasing = new("采购、管理员", "purchasing, admins", u => u.Role is Role.Purchasing or Role.Admin);
    public static readonly Who NotPurchasing = new("采购以外的人", "everyone but purchasing", u => u.Role is not Role.Purchasing);
    public static readonly Who PriceAskers = new("询价助理、销售、主管、总经理、管理员", "assistants, reps, managers, GM, admins",
        u => u.Role is Role.InquiryAssistant or Role.Manager or Role.Admin or Role.Rep or Role.GeneralManager);
}

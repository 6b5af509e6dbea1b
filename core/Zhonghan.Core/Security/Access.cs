using Zhonghan.Core.Customers;
using Zhonghan.Core.People;

namespace Zhonghan.Core.Security;

/// <summary>
/// Who may see and change a customer. A rep: their own customers and the pool; a manager: their department;
/// an inquiry assistant: reads their department; admin and general manager: everything. Purchasing: the pool only.
/// </summary>
public static class Access
{
    public static bool CanSee(User user, Customer customer) =>
        user.SeesEverything
        || customer.Status == CustomerStatus.PublicPool
        || customer.OwnerId == user.Id
        || (user.Role is Role.Manager or Role.InquiryAssistant && customer.DepartmentId == user.DepartmentId);

    public static bool CanChange(User user, Customer customer) =>
        user.SeesEverything
        || (customer.OwnerId == user.Id && customer.Status != CustomerStatus.PublicPool)
        || (user.Role == Role.Manager && customer.DepartmentId == user.DepartmentId);

    /// <summary>May create leads and log follow-ups (people who work with customers).</summary>
    public static bool WorksCustomers(User user) => user.Role is Role.Rep or Role.Manager or Role.Admin or Role.GeneralManager;

    public static AccessDeniedException NotVisible() =>
        new("没有找到这个客户，或你没有查看权限。", "No such customer, or you may not see it.");

    public static AccessDeniedException NotYours() =>
        new("这个客户不归你管理，不能修改。", "This customer is not yours to change.");
}

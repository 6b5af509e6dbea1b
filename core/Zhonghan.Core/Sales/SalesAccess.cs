using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Core.Sales;

/// <summary>
/// Who may see and work an opportunity: its owner; the department's manager; its inquiry assistant (and the
/// department's assistants); purchasing reads what it is asked to price; admin and general manager everything.
/// </summary>
public static class SalesAccess
{
    public static bool CanSee(User user, Opportunity o) =>
        user.SeesEverything
        || o.OwnerId == user.Id
        || o.AssistantId == user.Id
        || (user.Role is Role.Manager or Role.InquiryAssistant && o.DepartmentId == user.DepartmentId)
        || user.Role == Role.Purchasing;

    /// <summary>Owner's work: parts, stages, samples, orders, registrations.</summary>
    public static bool CanWork(User user, Opportunity o) =>
        user.SeesEverything || o.OwnerId == user.Id || (user.Role == Role.Manager && o.DepartmentId == user.DepartmentId);

    /// <summary>The inquiry side: 求价, 报价, shipping samples and goods, invoices.</summary>
    public static bool CanHandle(User user, Opportunity o) =>
        CanWork(user, o) || o.AssistantId == user.Id
        || (user.Role == Role.InquiryAssistant && o.DepartmentId == user.DepartmentId)
        || user.Role == Role.Purchasing;

    public static AccessDeniedException NotVisible() =>
        new("没有找到这个商机，或你没有查看权限。", "No such opportunity, or you may not see it.");

    public static AccessDeniedException NotYours() =>
        new("这个商机不归你负责，不能操作。", "This opportunity is not yours to change.");
}

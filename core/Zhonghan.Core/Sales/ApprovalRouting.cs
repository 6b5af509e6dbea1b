using Zhonghan.Core.Customers;
using Zhonghan.Core.People;

namespace Zhonghan.Core.Sales;

/// <summary>
/// Picks a quote's approval route from the rules (amount, number of lines, special parts, customer importance) and
/// names the approvers of each step: the department's managers; general managers (else admins) for that role.
/// </summary>
public sealed class ApprovalRouting(SalesOptions options, UserDirectory users)
{
    public ApprovalRule? Match(decimal amount, int lines, bool anySpecial, Importance importance) =>
        options.EffectiveRules.FirstOrDefault(r =>
            (r.MinAmount is null || amount >= r.MinAmount)
            && (r.Importance is null || importance == r.Importance)
            && (r.MinLines is null || lines >= r.MinLines)
            && (!r.AnySpecial || anySpecial)
            && (r.MinAmount is not null || r.Importance is not null || r.MinLines is not null || r.AnySpecial));

    public List<ApprovalStep> Steps(ApprovalRule? rule, int departmentId) =>
        rule is null ? [] : rule.Approvers.Select(role => new ApprovalStep { Role = role, ApproverIds = Approvers(role, departmentId) }).ToList();

    public List<int> Approvers(Role role, int departmentId)
    {
        var list = role switch
        {
            Role.Manager => users.ManagersOf(departmentId),
            Role.GeneralManager => users.WithRole(Role.GeneralManager).ToList() is { Count: > 0 } gms ? gms : users.WithRole(Role.Admin).ToList(),
            _ => users.WithRole(role).ToList(),
        };
        return list.Select(u => u.Id).ToList();
    }
}

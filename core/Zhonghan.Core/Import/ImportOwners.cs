using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Pool;

namespace Zhonghan.Core.Import;

/// <summary>
/// Who imported leads may go to (<c>--owner</c>, the 负责人 column, <c>导入线索 张三</c> in chat): an active rep — the
/// people who sell — who may hold more customers (<c>Pool:MaxPrivatePerRep</c>). Rows whose owner fails are refused
/// with the reason; a default owner that fails stops the import before anything is read.
/// </summary>
public sealed class ImportOwners(UserDirectory users, CustomerService customers, PoolRules rules)
{
    /// <summary>The owner named in a row, or why it cannot be.</summary>
    public (User? Owner, string? Problem) Resolve(string text)
    {
        var user = users.Find(text);
        if (user is null || !user.Active) return (null, $"负责人不存在：{text}");
        return Problem(user) is { } problem ? (null, problem) : (user, null);
    }

    /// <summary>The default owner for a whole import; a clear error when it cannot be.</summary>
    public User ResolveDefault(string text)
    {
        var user = users.Find(text) is { Active: true } u ? u
            : throw new CrmException($"没有用户“{text}”，请写销售的用户名或姓名（如 zhangsan 或 张三）。", $"No user '{text}'.");
        EnsureCanTake(user);
        return user;
    }

    /// <summary>Throws when <paramref name="user"/> is no rep or already holds the most customers a rep may.</summary>
    public void EnsureCanTake(User user)
    {
        if (Problem(user) is { } problem) throw new CrmException(problem, $"{user.Name} cannot take imported leads.");
        if (rules.MaxPrivatePerRep > 0 && customers.CountOwned(user.Id) is var owned && owned >= rules.MaxPrivatePerRep)
            throw new CrmException($"{user.Name}名下已有 {owned} 个客户，达到上限 {rules.MaxPrivatePerRep}，不能再分配线索。",
                $"{user.Name} already holds {owned} customers (limit {rules.MaxPrivatePerRep}).");
    }

    private static string? Problem(User user) => user.Role == Role.Rep
        ? null
        : $"{user.Name}是{user.Role.Chinese()}，不是销售：导入的线索只能分给销售";
}

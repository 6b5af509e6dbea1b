using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Pool;

/// <summary>The public pool (公海): return with a reason, claim within the limits, reassign, automatic return.</summary>
public sealed class PoolService(ICustomerStore store, ICounterStore counters, AuditLog audit, PoolRules rules, CustomerService customers, UserDirectory users, TimeProvider clock)
{
    public PoolRules Rules => rules;

    public Customer Return(Actor actor, int customerId, string reason)
    {
        reason = reason.Trim();
        if (reason.Length < Math.Max(1, rules.MinReasonLength))
            throw new CrmException("退回公海需要写明原因，例如：退回公海 汇川 无需求。",
                "A reason is required, e.g. return Acme no demand.");
        var c = customers.GetChangeable(actor.User, customerId);
        MoveToPool(c, reason);
        audit.Record(actor, "pool.return", $"customer:{c.Id}", $"退回公海：{CustomerService.Clip(reason, 60)}");
        return c;
    }

    public Customer Claim(Actor actor, int customerId)
    {
        var user = actor.User;
        if (!Access.WorksCustomers(user))
            throw new AccessDeniedException("你的角色不能领取客户。", "Your role cannot claim customers.");
        var now = clock.GetUtcNow().UtcDateTime;
        {
            var c = customers.Get(customerId);
            if (c is null || !Access.CanSee(user, c)) throw Access.NotVisible();
            if (c.Status != CustomerStatus.PublicPool)
                throw c.OwnerId == user.Id
                    ? new CrmException($"{c.Company} 已经是你的客户了。", $"{c.Company} is already yours.")
                    : new CrmException($"{c.Company} 不在公海中，不能领取。", $"{c.Company} is not in the pool.");
            if (c.PreviousOwnerId == user.Id && rules.ReclaimCooldownDays > 0 && c.PoolSince is DateTime since)
            {
                var allowed = since.AddDays(rules.ReclaimCooldownDays);
                if (now < allowed)
                    throw new CrmException(
                        $"{c.Company} 是你退回的，{rules.ReclaimCooldownDays} 天内不能再领取（{BusinessTime.Describe(allowed, true)}之后可以）。",
                        $"You returned {c.Company}; you may claim it again after {BusinessTime.DescribeEnglish(allowed, true)}.");
            }
            var counterId = $"claim|{user.Id}|{BusinessTime.Today(clock):yyyyMMdd}";
            var counter = counters.Get(counterId) ?? new Counter { Id = counterId };
            if (user.Role == Role.Rep && rules.DailyClaimLimit > 0 && counter.Value >= rules.DailyClaimLimit)
                throw new CrmException($"今天已领取 {counter.Value} 个客户，达到每日上限 {rules.DailyClaimLimit}，明天再来吧。",
                    $"You have claimed {counter.Value} customers today, the daily limit is {rules.DailyClaimLimit}.");
            customers.EnsureBelowLimit(user);

            TakeOwnership(c, user, now);
            store.Save(c);
            counter.Value++;
            counter.UpdatedAt = now;
            counters.Save(counter);
            audit.Record(actor, "pool.claim", $"customer:{c.Id}", $"领取 {c.Company}");
            return c;
        }
    }

    /// <summary>A manager (or admin) gives a customer to another rep (转给).</summary>
    public Customer Assign(Actor actor, int customerId, int toUserId)
    {
        var user = actor.User;
        var to = users.Get(toUserId) ?? throw new CrmException("没有这个同事。", "No such colleague.");
        if (!to.Active || !Access.WorksCustomers(to))
            throw new CrmException($"{to.Name} 不能负责客户。", $"{to.Name} cannot own customers.");
        {
            var c = customers.Get(customerId);
            if (c is null || !Access.CanSee(user, c)) throw Access.NotVisible();
            var mayAssign = user.SeesEverything || (user.Role == Role.Manager && c.DepartmentId == user.DepartmentId && to.DepartmentId == user.DepartmentId);
            if (!mayAssign) throw new AccessDeniedException("只有主管可以把本部门的客户转给本部门的同事。", "Only a manager may reassign customers within the department.");
            var now = clock.GetUtcNow().UtcDateTime;
            var from = c.OwnerId;
            TakeOwnership(c, to, now);
            store.Save(c);
            audit.Record(actor, "customer.assign", $"customer:{c.Id}", $"{(from is int f ? users.Get(f)?.Name : "公海")} → {to.Name}");
            return c;
        }
    }

    /// <summary>The pool, newest first.</summary>
    public (IReadOnlyList<Customer> Items, int Total) List(int page, int pageSize) =>
        (store.InPool(Math.Max(0, page - 1) * pageSize, pageSize), (int)store.CountInPool());

    /// <summary>Owned customers untouched for <see cref="PoolRules.AutoReturnDays"/> days: the nightly return's input.</summary>
    public IReadOnlyList<Customer> DueForAutoReturn(int limit = 1000)
    {
        if (rules.AutoReturnDays <= 0) return [];
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-rules.AutoReturnDays);
        return store.LastTouchedBetween(DateTime.MinValue.AddTicks(1), cutoff, limit);
    }

    /// <summary>Owned customers that will return within <see cref="PoolRules.WarningDaysBefore"/> days and were not warned yet.</summary>
    public IReadOnlyList<Customer> DueForWarning(int limit = 1000)
    {
        if (rules.AutoReturnDays <= 0 || rules.WarningDaysBefore <= 0) return [];
        var now = clock.GetUtcNow().UtcDateTime;
        var from = now.AddDays(-rules.AutoReturnDays);
        var to = now.AddDays(-(rules.AutoReturnDays - rules.WarningDaysBefore));
        return store.LastTouchedBetween(from, to, limit).Where(c => c.PoolWarnedFor != c.LastTouchAt).ToList();
    }

    /// <summary>When the customer will return automatically, if it will.</summary>
    public DateTime? AutoReturnAt(Customer c) =>
        rules.AutoReturnDays > 0 && c.LastTouchAt is DateTime t ? t.AddDays(rules.AutoReturnDays) : null;

    public void MarkWarned(Customer c)
    {
        c.PoolWarnedFor = c.LastTouchAt;
        store.Save(c);
    }

    /// <summary>Returns every customer past the limit (the nightly job). Each return is audited as the system.</summary>
    public IReadOnlyList<Customer> RunAutoReturn(Actor system)
    {
        var due = DueForAutoReturn();
        var reason = $"超过 {rules.AutoReturnDays} 天未跟进，自动退回公海";
        foreach (var c in due)
        {
            MoveToPool(c, reason);
            audit.Record(system, "pool.auto-return", $"customer:{c.Id}", reason);
        }
        return due;
    }

    private void MoveToPool(Customer c, string reason)
    {
        c.PreviousOwnerId = c.OwnerId;
        c.OwnerId = null;
        c.Status = CustomerStatus.PublicPool;
        c.PoolSince = clock.GetUtcNow().UtcDateTime;
        c.PoolReason = reason;
        c.NextFollowUpAt = null;
        c.NextFollowUpDateOnly = false;
        c.LastTouchAt = null;
        c.OwnedSince = null;
        c.PoolWarnedFor = null;
        store.Save(c);
    }

    private static void TakeOwnership(Customer c, User user, DateTime now)
    {
        c.OwnerId = user.Id;
        c.DepartmentId = user.DepartmentId;
        if (c.Status == CustomerStatus.PublicPool) c.Status = CustomerStatus.Lead;
        c.PoolSince = null;
        c.PoolReason = null;
        c.OwnedSince = now;
        c.LastTouchAt = now;
        c.PoolWarnedFor = null;
    }
}

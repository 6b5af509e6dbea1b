using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Reminders;

namespace Zhonghan.Bot.Reminders;

/// <summary>日报 / 周报 [部门] on demand: the digest text now, the charts right after as a message.</summary>
public abstract class DigestCommand(DigestScheduler digests, UserDirectory users, TimeProvider clock) : Command
{
    protected abstract bool Weekly { get; }
    public override string Group => "报表";
    public override bool IsFor(User user) => user.Role is Role.Manager or Role.Admin or Role.GeneralManager;
    public override IReadOnlyList<Param> Params => [new("department", ParamKind.Text, "", "", Required: false)];

    public override async Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var department = v.Get("department") is { } name && ctx.User.SeesEverything
            ? users.DepartmentByName(name) ?? throw new CrmException($"没有“{name}”这个部门。", $"No department '{name}'.")
            : users.Department(ctx.User.DepartmentId) ?? throw new CrmException("你还没有部门。", "You have no department.");
        var key = $"ondemand:{(Weekly ? "weekly" : "daily")}:{department.Id}:{clock.GetUtcNow().UtcDateTime:yyyyMMddHHmmss}:{ctx.Turn.MessageId}";
        var report = await digests.SendAsync(department, Weekly, [ctx.User], key, ct);
        return [Reply.Of(ctx.L("已生成，图表随后发送。", "Done; the charts follow."))];
    }
}

public sealed class DailyDigestCommand(DigestScheduler d, UserDirectory u, TimeProvider c) : DigestCommand(d, u, c)
{
    protected override bool Weekly => false;
    public override string Name => "日报";
    public override IReadOnlyList<string> Aliases => ["daily", "daily digest"];
    public override string Usage => "日报 [部门]";
    public override string UsageEn => "daily [department]";
    public override string Summary => "部门日报（新线索、跟进计划完成情况、商机、审批、样品、逾期）";
    public override string SummaryEn => "the department's daily digest";
    public override string Example => "日报";
}

public sealed class WeeklyDigestCommand(DigestScheduler d, UserDirectory u, TimeProvider c) : DigestCommand(d, u, c)
{
    protected override bool Weekly => true;
    public override string Name => "周报";
    public override IReadOnlyList<string> Aliases => ["weekly", "weekly digest"];
    public override string Usage => "周报 [部门]";
    public override string UsageEn => "weekly [department]";
    public override string Summary => "部门周报（最近七天）";
    public override string SummaryEn => "the department's weekly digest";
    public override string Example => "周报";
}

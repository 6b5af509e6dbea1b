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

    protected static CommandSpec Digest(string id, string word, string[] aliases) => new(id, word)
    {
        Aliases = aliases,
        Group = CommandGroups.Reports,
        Who = Who.Managers,
        Params = [new("department", ParamKind.Text, "部门", "department") { Required = false }],
        Example = word,
    };

    public override async Task<CommandResult> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var department = v.Get("department") is { } name && ctx.User.SeesEverything
            ? users.DepartmentByName(name) ?? throw new CrmException($"没有“{name}”这个部门。", $"No department '{name}'.")
            : users.Department(ctx.User.DepartmentId) ?? throw new CrmException("你还没有部门。", "You have no department.");
        var key = $"ondemand:{(Weekly ? "weekly" : "daily")}:{department.Id}:{clock.GetUtcNow().UtcDateTime:yyyyMMddHHmmss}:{ctx.Turn.MessageId}";
        await digests.SendAsync(department, Weekly, [ctx.User], key, ct);
        return ctx.L("已生成，图表随后发送。", "Done; the charts follow.");
    }
}

public sealed class DailyDigestCommand(DigestScheduler d, UserDirectory u, TimeProvider c) : DigestCommand(d, u, c), ICommand
{
    public static CommandSpec Spec { get; } = Digest("daily", "日报", ["daily", "daily digest"]) with
    {
        Summary = "部门日报（新线索、跟进计划完成情况、商机、审批、样品、逾期）", SummaryEn = "the department's daily digest",
        Notes = "the managers' digest now: per rep planned / done / logged, wins, losses and payments, with phone-sized charts",
    };

    protected override bool Weekly => false;
}

public sealed class WeeklyDigestCommand(DigestScheduler d, UserDirectory u, TimeProvider c) : DigestCommand(d, u, c), ICommand
{
    public static CommandSpec Spec { get; } = Digest("weekly", "周报", ["weekly", "weekly digest"]) with
    {
        Summary = "部门周报（最近七天）", SummaryEn = "the department's weekly digest",
        Notes = "the same for the last seven days",
    };

    protected override bool Weekly => true;
}

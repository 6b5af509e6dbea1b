using System.Text.RegularExpressions;
using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;
using Zhonghan.Core.Security;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Sales;

/// <summary>漏斗 [部门] — count and amount per stage, conversion to the next stage. Managers: their department.</summary>
public sealed class FunnelCommand(FunnelService funnel, UserDirectory users) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("funnel", "漏斗")
    {
        Aliases = ["funnel", "销售漏斗"],
        Group = CommandGroups.Reports,
        Params = [new("department", ParamKind.Text, "部门", "department") { Required = false }],
        Summary = "销售漏斗：各阶段数量、金额和转化率（主管看本部门，销售看自己）", SummaryEn = "the sales funnel",
        Example = "漏斗",
        Notes = "funnel with conversion",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var user = ctx.User;
        IReadOnlyList<FunnelRow> rows;
        string scope;
        if (user.SeesEverything && v.Get("department") is { } name)
        {
            var d = users.DepartmentByName(name) ?? throw new CrmException($"没有“{name}”这个部门。", $"No department '{name}'.");
            (rows, scope) = (funnel.ForDepartment(d.Id), d.Name);
        }
        else if (user.SeesEverything) (rows, scope) = (funnel.ForCompany(), "全公司");
        else if (user.Role == Role.Manager) (rows, scope) = (funnel.ForDepartment(user.DepartmentId), users.Department(user.DepartmentId)?.Name ?? "本部门");
        else if (Access.WorksCustomers(user)) (rows, scope) = (funnel.ForOwner(user.Id), user.Name);
        else return ctx.L("你的角色没有销售漏斗。", "Your role has no funnel.");
        var card = new Card { Title = ctx.L($"销售漏斗 · {scope}", $"Funnel · {scope}") };
        foreach (var r in rows)
            card.Lines.Add($"{r.Stage.Chinese()}：{r.Count} 个 · {QuoteCards.Money(r.Amount)}" + (r.ConversionToNext is double c ? $" · 转化 {c * 100:0}%" : ""));
        card.Lines.Add(ctx.L("转化 = 到过本阶段的商机中，进入下一阶段（最后一步为赢单）的比例。", "Conversion = share that reached the next stage."));
        return Reply.WithCard(Cards.ToText(card), card);
    }
}

/// <summary>业绩 [季度] — a rep's pay figures; a manager sees the department's reps.</summary>
public sealed partial class PayCommand(PayService pay) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("performance", "业绩")
    {
        Aliases = ["performance", "pay", "提成"],
        Group = CommandGroups.Reports,
        Who = Who.CustomerWorkers,
        Params = [new("quarter", ParamKind.Text, "季度", "quarter") { Required = false }],
        Summary = "季度回款、逾期系数和提成（主管看本部门）", SummaryEn = "quarterly payments, overdue coefficient and pay",
        Example = "业绩 2026Q4",
        Notes = "quarterly pay (base + rate × payments × overdue coefficient)",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var (year, quarter) = pay.Current();
        if (v.Get("quarter") is { } q)
        {
            var m = QuarterPattern().Match(q.Trim().ToUpperInvariant());
            if (!m.Success) throw new CrmException("季度请写成 2026Q4、Q3 或 3。", "Write the quarter as 2026Q4, Q3 or 3.");
            if (m.Groups["y"].Success) year = int.Parse(m.Groups["y"].Value);
            quarter = int.Parse(m.Groups["q"].Value);
        }
        var rows = ctx.User.Role == Role.Rep ? [pay.For(ctx.User, year, quarter)] : pay.Department(ctx.User.DepartmentId, year, quarter);
        var card = new Card { Title = ctx.L($"{year}年第{quarter}季度业绩", $"{year} Q{quarter}") };
        foreach (var r in rows)
            card.Lines.Add($"{r.Rep.Name}：回款 {QuoteCards.Money(r.Received)} · 应收逾期 {r.OverdueShare * 100:0.#}% → 系数 {r.Coefficient} · 提成 {QuoteCards.Money(r.Commission)} · 合计 {QuoteCards.Money(r.Pay)}");
        if (rows.Count == 0) card.Lines.Add(ctx.L("本部门还没有销售。", "No reps."));
        card.Lines.Add(ctx.L($"公式：底薪 + 提成比例 × 季度回款 × 逾期系数", "Pay = base + rate × payments × overdue coefficient"));
        return Reply.WithCard(Cards.ToText(card), card);
    }

    [GeneratedRegex(@"^(?:(?<y>\d{4})\s*(?:年)?\s*)?(?:Q|第)?\s*(?<q>[1-4])\s*(?:季度)?$")]
    private static partial Regex QuarterPattern();
}

/// <summary>报备 &lt;商机&gt; &lt;原厂&gt; [生产地]</summary>
public sealed class RegisterCommand(OpportunityService opportunities) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("register", "报备")
    {
        Aliases = ["register", "registration"],
        Group = CommandGroups.Sales,
        Who = Who.CustomerWorkers,
        Params =
        [
            new("opportunity", ParamKind.Opportunity, "商机", "opportunity", "请问哪个商机报备？", "Which opportunity?"),
            new("manufacturer", ParamKind.Text, "原厂", "manufacturer", "向哪家原厂报备？", "Which manufacturer?"),
            new("location", ParamKind.Text, "生产地", "build location") { Required = false, Rest = true },
        ],
        Summary = "记录向原厂的项目报备", SummaryEn = "record a design registration",
        Example = "报备 伺服驱动器 ST 苏州工厂",
        Notes = "design registrations",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var o = opportunities.Register(ctx.Actor, v.Entity<Opportunity>("opportunity").Id, v.Text("manufacturer"), v.Get("location"));
        return ctx.L($"✅ 已记录向 {v.Text("manufacturer")} 报备「{o.Name}」，状态：已提交。结果出来后发送：{CommandText.Zh<RegistrationResultCommand>($"#{o.Id} {v.Text("manufacturer")}")} 通过 <到期日>",
                     "✅ Registration recorded.");
    }
}

/// <summary>报备结果 &lt;商机&gt; &lt;原厂&gt; 通过|驳回|过期 [到期日]</summary>
public sealed class RegistrationResultCommand(OpportunityService opportunities, TimeProvider clock) : Command, ICommand
{
    private static readonly Dictionary<string, string> Statuses = new()
    {
        ["通过"] = nameof(RegistrationStatus.Approved), ["批准"] = nameof(RegistrationStatus.Approved), ["approved"] = nameof(RegistrationStatus.Approved),
        ["驳回"] = nameof(RegistrationStatus.Rejected), ["拒绝"] = nameof(RegistrationStatus.Rejected), ["rejected"] = nameof(RegistrationStatus.Rejected),
        ["过期"] = nameof(RegistrationStatus.Expired), ["expired"] = nameof(RegistrationStatus.Expired),
    };

    public static CommandSpec Spec { get; } = new("registration-result", "报备结果")
    {
        Aliases = ["registration result"],
        Group = CommandGroups.Sales,
        Who = Who.CustomerWorkers,
        Params =
        [
            new("opportunity", ParamKind.Opportunity, "商机", "opportunity", "请问哪个商机？", "Which opportunity?"),
            new("manufacturer", ParamKind.Text, "原厂", "manufacturer", "哪家原厂？", "Which manufacturer?"),
            new("status", ParamKind.Enum, "通过|驳回|过期", "approved|rejected|expired", "结果是 通过、驳回 还是 过期？", "approved, rejected or expired?")
                { Bare = true, Choices = Statuses },
            new("rest", ParamKind.Text, "到期日", "expiry") { Required = false, Rest = true },
        ],
        Summary = "更新报备状态（即将到期或被驳回会在商机卡片上标出）", SummaryEn = "update a registration",
        Example = "报备结果 伺服驱动器 ST 通过 2027-06-30",
        Notes = "expiring or rejected registrations are flagged on the opportunity card",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var status = Enum.Parse<RegistrationStatus>(v.Choice("status")!);
        DateTime? expires = null;
        string? note = null;
        if (v.Get("rest") is { } rest)
        {
            if (DateExpression.TryParse(rest, clock, out var d)) expires = d.Utc;
            else note = rest;
        }
        var o = opportunities.UpdateRegistration(ctx.Actor, v.Entity<Opportunity>("opportunity").Id, v.Text("manufacturer"), status, expires, note);
        return ctx.L($"✅ 「{o.Name}」向 {v.Text("manufacturer")} 的报备：{Registration.Chinese(status)}" + (expires is DateTime e ? $"，到期 {BusinessTime.Describe(e, true)}" : ""), "✅ Registration updated.");
    }
}

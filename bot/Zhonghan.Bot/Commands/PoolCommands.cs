using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Pool;
using Zhonghan.Core.Security;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Commands;

/// <summary>公海 [页码] — customers in the public pool, newest first, with a claim button each.</summary>
public sealed class PoolCommand(PoolService pool) : Command, ICommand
{
    public const int PageSize = 10;

    public static CommandSpec Spec { get; } = new("pool", "公海")
    {
        Aliases = ["pool", "public pool", "公海池"],
        Group = CommandGroups.Pool,
        Params = [new("page", ParamKind.Text, "页码", "page") { Required = false }],
        Summary = "公海里可以领取的客户", SummaryEn = "customers in the public pool",
        Example = "公海",
        Notes = "the public pool",
        Serves = ActionKind.Pool,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var page = int.TryParse(v.Get("page"), out var p) && p > 0 ? p : 1;
        var (items, total) = pool.List(page, PageSize);
        if (total == 0) return ctx.L("公海里暂时没有客户。", "The pool is empty.");
        var pages = (total + PageSize - 1) / PageSize;
        var card = new Card { Title = ctx.L($"公海（共 {total} 个，第 {Math.Min(page, pages)}/{pages} 页）", $"Public pool ({total}, page {page}/{pages})") };
        var n = (page - 1) * PageSize;
        foreach (var c in items)
        {
            n++;
            var since = c.PoolSince is DateTime s ? BusinessTime.Describe(s, true) : "";
            card.Lines.Add($"{n}. {c.Company} · {since} · {c.PoolReason}");
            if (Access.WorksCustomers(ctx.User) && card.Actions.Count < 5)
                card.Actions.Add(CardAction.Run(ctx.L($"领取 {n}", $"Claim {n}"), CommandIntent.OfCustomer(ActionKind.Claim, c.Id)));
        }
        if (page < pages) card.Actions.Add(CardAction.Run(ctx.L("下一页", "Next page"), new(ActionKind.Pool) { Text = $"{page + 1}" }));
        return Reply.WithCard(CustomerCards.ToText(card), card);
    }
}

/// <summary>领取 &lt;公司&gt; — claims a pool customer within the daily limit, the private limit and the cooldown.</summary>
public sealed class ClaimCommand(PoolService pool) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("claim", "领取")
    {
        Aliases = ["claim"],
        Group = CommandGroups.Pool,
        Who = Who.CustomerWorkers,
        Params = [new("company", ParamKind.Company, "公司", "company", "请问领取哪家客户？", "Which customer?")],
        Summary = "从公海领取客户", SummaryEn = "claim a customer from the pool",
        Example = "领取 汇川",
        Notes = "claim from the pool (daily limit, private limit, cooldown)",
        Serves = ActionKind.Claim,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var c = pool.Claim(ctx.Actor, v.Customer("company").Id);
        var deadline = pool.AutoReturnAt(c);
        var note = deadline is DateTime d
            ? ctx.L($"\n请在 {BusinessTime.Describe(d, true)} 前跟进，否则会自动退回公海。", $"\nFollow up before {BusinessTime.DescribeEnglish(d, true)} or it returns to the pool.")
            : "";
        return ctx.L($"✅ 已领取：{c.Company}", $"✅ Claimed: {c.Company}") + note;
    }
}

/// <summary>退回公海 &lt;公司&gt; &lt;原因&gt; — returns a customer to the pool; the reason is required.</summary>
public sealed class ReturnCommand(PoolService pool) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("return", "退回公海")
    {
        Aliases = ["return", "退回", "退公海"],
        Group = CommandGroups.Pool,
        Who = Who.CustomerWorkers,
        Params =
        [
            new("company", ParamKind.Company, "公司", "company", "请问退回哪家客户？", "Which customer?"),
            new("reason", ParamKind.Text, "原因", "reason", "请写一下退回原因（例如：无需求、联系不上）：", "Why? (e.g. no demand, unreachable)"),
        ],
        Summary = "把客户退回公海（需写原因）", SummaryEn = "return a customer to the pool (with a reason)",
        Example = "退回公海 汇川 暂无需求，联系不上",
        Notes = "return to the pool with a reason",
        Serves = ActionKind.ReturnToPool,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var c = pool.Return(ctx.Actor, v.Customer("company").Id, v.Text("reason"));
        return ctx.L($"✅ 已退回公海：{c.Company}\n原因：{c.PoolReason}", $"✅ Returned to the pool: {c.Company}\nReason: {c.PoolReason}");
    }
}

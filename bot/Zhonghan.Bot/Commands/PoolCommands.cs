using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Pool;
using Zhonghan.Core.Security;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Commands;

/// <summary>公海 [页码] — customers in the public pool, newest first, with a claim button each.</summary>
public sealed class PoolCommand(PoolService pool) : Command
{
    public const int PageSize = 10;
    public override string Name => "公海";
    public override IReadOnlyList<string> Aliases => ["pool", "public pool", "公海池"];
    public override string Usage => "公海 [页码]";
    public override string UsageEn => "pool [page]";
    public override string Summary => "公海里可以领取的客户";
    public override string SummaryEn => "customers in the public pool";
    public override string Example => "公海";
    public override string Group => "公海";
    public override IReadOnlyList<Param> Params => [new("page", ParamKind.Text, "", "", Required: false)];

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var page = int.TryParse(v.Get("page"), out var p) && p > 0 ? p : 1;
        var (items, total) = pool.List(page, PageSize);
        if (total == 0) return Task.FromResult<IReadOnlyList<Reply>>([Reply.Of(ctx.L("公海里暂时没有客户。", "The pool is empty."))]);
        var pages = (total + PageSize - 1) / PageSize;
        var card = new Card { Title = ctx.L($"公海（共 {total} 个，第 {Math.Min(page, pages)}/{pages} 页）", $"Public pool ({total}, page {page}/{pages})") };
        var n = (page - 1) * PageSize;
        foreach (var c in items)
        {
            n++;
            var since = c.PoolSince is DateTime s ? BusinessTime.Describe(s, true) : "";
            card.Lines.Add($"{n}. {c.Company} · {since} · {c.PoolReason}");
            if (Access.WorksCustomers(ctx.User) && card.Actions.Count < 5)
                card.Actions.Add(CardAction.Command(ctx.L($"领取 {n}", $"Claim {n}"), $"领取 #{c.Id}"));
        }
        if (page < pages) card.Actions.Add(CardAction.Command(ctx.L("下一页", "Next page"), $"公海 {page + 1}"));
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.WithCard(CustomerCards.ToText(card), card)]);
    }
}

/// <summary>领取 &lt;公司&gt; — claims a pool customer within the daily limit, the private limit and the cooldown.</summary>
public sealed class ClaimCommand(PoolService pool) : Command
{
    public override string Name => "领取";
    public override IReadOnlyList<string> Aliases => ["claim"];
    public override string Usage => "领取 <公司>";
    public override string UsageEn => "claim <company>";
    public override string Summary => "从公海领取客户";
    public override string SummaryEn => "claim a customer from the pool";
    public override string Example => "领取 汇川";
    public override string Group => "公海";
    public override bool IsFor(User user) => Access.WorksCustomers(user);
    public override IReadOnlyList<Param> Params => [new("company", ParamKind.Company, "请问领取哪家客户？", "Which customer?")];

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var c = pool.Claim(ctx.Actor, v.Customer("company").Id);
        var deadline = pool.AutoReturnAt(c);
        var note = deadline is DateTime d
            ? ctx.L($"\n请在 {BusinessTime.Describe(d, true)} 前跟进，否则会自动退回公海。", $"\nFollow up before {BusinessTime.DescribeEnglish(d, true)} or it returns to the pool.")
            : "";
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.Of(ctx.L($"✅ 已领取：{c.Company}", $"✅ Claimed: {c.Company}") + note)]);
    }
}

/// <summary>退回公海 &lt;公司&gt; &lt;原因&gt; — returns a customer to the pool; the reason is required.</summary>
public sealed class ReturnCommand(PoolService pool) : Command
{
    public override string Name => "退回公海";
    public override IReadOnlyList<string> Aliases => ["return", "退回", "退公海"];
    public override string Usage => "退回公海 <公司> <原因>";
    public override string UsageEn => "return <company> <reason>";
    public override string Summary => "把客户退回公海（需写原因）";
    public override string SummaryEn => "return a customer to the pool (with a reason)";
    public override string Example => "退回公海 汇川 暂无需求，联系不上";
    public override string Group => "公海";
    public override bool IsFor(User user) => Access.WorksCustomers(user);

    public override IReadOnlyList<Param> Params =>
    [
        new("company", ParamKind.Company, "请问退回哪家客户？", "Which customer?"),
        new("reason", ParamKind.Text, "请写一下退回原因（例如：无需求、联系不上）：", "Why? (e.g. no demand, unreachable)"),
    ];

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var c = pool.Return(ctx.Actor, v.Customer("company").Id, v.Text("reason"));
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.Of(ctx.L(
            $"✅ 已退回公海：{c.Company}\n原因：{c.PoolReason}",
            $"✅ Returned to the pool: {c.Company}\nReason: {c.PoolReason}"))]);
    }
}

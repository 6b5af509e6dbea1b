using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Commands;

/// <summary>我的线索 [页码] — the rep's customers, next follow-up first, ten per page.</summary>
public sealed class MyLeadsCommand(CustomerService customers, CustomerCards cards) : Command
{
    public const int PageSize = 10;
    public override string Name => "我的线索";
    public override IReadOnlyList<string> Aliases => ["my leads", "my customers", "mine", "我的客户"];
    public override string Usage => "我的线索 [页码]";
    public override string UsageEn => "my leads [page]";
    public override string Summary => "我的客户，按下次跟进排序";
    public override string SummaryEn => "your customers by next follow-up";
    public override string Example => "我的线索 2";
    public override bool IsFor(User user) => Access.WorksCustomers(user);
    public override IReadOnlyList<Param> Params => [new("page", ParamKind.Text, "", "", Required: false)];

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var page = int.TryParse(v.Get("page"), out var p) && p > 0 ? p : 1;
        var (items, total) = customers.Mine(ctx.User, page, PageSize);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (total == 0)
            return Task.FromResult<IReadOnlyList<Reply>>([Reply.Of(ctx.L(
                "你名下还没有客户。发送“新建线索 <公司>”录入，或发送“公海”看看可以领取的客户。",
                "You have no customers yet. Send \"lead <company>\", or \"pool\" to see what you can claim."))]);
        if (page > pages)
            return Task.FromResult<IReadOnlyList<Reply>>([Reply.Of(ctx.L($"只有 {pages} 页。", $"There are only {pages} pages."))]);

        var card = new Card
        {
            Title = ctx.L($"我的线索（共 {total} 个，第 {page}/{pages} 页）", $"My leads ({total}, page {page}/{pages})"),
        };
        var n = (page - 1) * PageSize;
        foreach (var c in items)
        {
            n++;
            card.Lines.Add(ctx.L(
                $"{n}. {c.Company} · {cards.Status(c, false)} · 上次 {cards.Last(c, false)} · 下次 {cards.Due(c, false)}",
                $"{n}. {c.Company} · {cards.Status(c, true)} · last {cards.Last(c, true)} · next {cards.Due(c, true)}"));
        }
        if (page > 1) card.Actions.Add(CardAction.Command(ctx.L("上一页", "Previous"), $"我的线索 {page - 1}"));
        if (page < pages) card.Actions.Add(CardAction.Command(ctx.L("下一页", "Next page"), $"我的线索 {page + 1}"));
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.WithCard(CustomerCards.ToText(card), card)]);
    }
}

/// <summary>今日待办 — follow-ups due today and overdue.</summary>
public sealed class TodayCommand(CustomerService customers, CustomerCards cards, TimeProvider clock) : Command
{
    public override string Name => "今日待办";
    public override IReadOnlyList<string> Aliases => ["today", "todo", "待办", "今日"];
    public override string Usage => "今日待办";
    public override string UsageEn => "today";
    public override string Summary => "今天要跟进的和已逾期的客户";
    public override string SummaryEn => "follow-ups due today and overdue";
    public override string Example => "今日待办";
    public override bool IsFor(User user) => Access.WorksCustomers(user);

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var today = BusinessTime.Today(clock);
        var due = customers.DueFor(ctx.User, BusinessTime.StartOfDayUtc(today.AddDays(1)).AddSeconds(-1));
        if (due.Count == 0)
            return Task.FromResult<IReadOnlyList<Reply>>([Reply.Of(ctx.L(
                $"今天（{today:MM-dd} {BusinessTime.Weekday(today)}）没有到期的跟进，也没有逾期的。👍",
                "Nothing due today and nothing overdue. 👍"))]);
        var startOfToday = BusinessTime.StartOfDayUtc(today);
        var overdue = due.Count(c => c.NextFollowUpAt < startOfToday);
        var card = new Card
        {
            Title = ctx.L($"今日待办（{today:MM-dd} {BusinessTime.Weekday(today)}）：逾期 {overdue} 个，今天 {due.Count - overdue} 个",
                          $"Today ({today:yyyy-MM-dd}): {overdue} overdue, {due.Count - overdue} due today"),
        };
        var n = 0;
        foreach (var c in due)
        {
            n++;
            card.Lines.Add($"{n}. {c.Company} · {cards.Due(c, ctx.English)}");
            if (card.Actions.Count < 5) card.Actions.Add(CardAction.Command($"{n}. {c.Company}", $"客户 #{c.Id}"));
        }
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.WithCard(CustomerCards.ToText(card), card)]);
    }
}

/// <summary>客户 &lt;公司&gt; — the customer card: contacts, owner, status, last five follow-ups.</summary>
public sealed class CustomerCommand(CustomerService customers, CustomerCards cards) : Command
{
    public override string Name => "客户";
    public override IReadOnlyList<string> Aliases => ["customer", "查客户", "看客户", "client"];
    public override string Usage => "客户 <公司>";
    public override string UsageEn => "customer <company>";
    public override string Summary => "客户卡片：联系人、负责人、状态、最近五次跟进";
    public override string SummaryEn => "the customer card";
    public override string Example => "客户 汇川";

    public override IReadOnlyList<Param> Params => [new("company", ParamKind.Company, "请问查哪家客户？", "Which customer?")];

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var c = v.Customer("company");
        var card = cards.Card(c, customers.Timeline(c.Id, 5), ctx.English, Access.CanChange(ctx.User, c));
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.WithCard(CustomerCards.ToText(card), card)]);
    }
}

using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Commands;

/// <summary>我的线索 [页码] — the rep's customers, next follow-up first, ten per page.</summary>
public sealed class MyLeadsCommand(CustomerService customers, CustomerCards cards) : Command, ICommand
{
    public const int PageSize = 10;

    public static CommandSpec Spec { get; } = new("my-leads", "我的线索")
    {
        Aliases = ["my leads", "my customers", "mine", "我的客户"],
        Who = Who.CustomerWorkers,
        Params = [new("page", ParamKind.Text, "页码", "page") { Required = false }],
        Summary = "我的客户，按下次跟进排序", SummaryEn = "your customers by next follow-up",
        Example = "我的线索 2",
        Notes = "your customers by next follow-up, with last and next",
        Serves = ActionKind.MyLeads,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var page = int.TryParse(v.Get("page"), out var p) && p > 0 ? p : 1;
        var (items, total) = customers.Mine(ctx.User, page, PageSize);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (total == 0)
            return ctx.L(
                $"你名下还没有客户。发送“{ctx.Cmd<LeadCommand>("<公司>")}”录入，或发送“{ctx.Cmd<PoolCommand>()}”看看可以领取的客户。",
                $"You have no customers yet. Send \"{ctx.Cmd<LeadCommand>("<company>")}\", or \"{ctx.Cmd<PoolCommand>()}\" to see what you can claim.");
        if (page > pages) return ctx.L($"只有 {pages} 页。", $"There are only {pages} pages.");

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
        if (page > 1) card.Actions.Add(CardAction.Run(ctx.L("上一页", "Previous"), new(ActionKind.MyLeads) { Text = $"{page - 1}" }));
        if (page < pages) card.Actions.Add(CardAction.Run(ctx.L("下一页", "Next page"), new(ActionKind.MyLeads) { Text = $"{page + 1}" }));
        return Reply.WithCard(CustomerCards.ToText(card), card);
    }
}

/// <summary>今日待办 — follow-ups due today and overdue.</summary>
public sealed class TodayCommand(CustomerService customers, CustomerCards cards, TimeProvider clock) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("today", "今日待办")
    {
        Aliases = ["today", "todo", "待办", "今日"],
        Who = Who.CustomerWorkers,
        Summary = "今天要跟进的和已逾期的客户", SummaryEn = "follow-ups due today and overdue",
        Example = "今日待办",
        Notes = "due today and overdue",
        Serves = ActionKind.Today,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var today = BusinessTime.Today(clock);
        var due = customers.DueFor(ctx.User, BusinessTime.StartOfDayUtc(today.AddDays(1)).AddSeconds(-1));
        if (due.Count == 0)
            return ctx.L($"今天（{today:MM-dd} {BusinessTime.Weekday(today)}）没有到期的跟进，也没有逾期的。👍", "Nothing due today and nothing overdue. 👍");
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
            if (card.Actions.Count < 5) card.Actions.Add(CardAction.Run($"{n}. {c.Company}", CommandIntent.OfCustomer(ActionKind.OpenCustomer, c.Id)));
        }
        return Reply.WithCard(CustomerCards.ToText(card), card);
    }
}

/// <summary>客户 &lt;公司&gt; — the customer card: contacts, owner, status, last five follow-ups.</summary>
public sealed class CustomerCommand(CustomerService customers, CustomerCards cards) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("customer", "客户")
    {
        Aliases = ["customer", "查客户", "看客户", "client"],
        Params = [new("company", ParamKind.Company, "公司", "company", "请问查哪家客户？", "Which customer?")],
        Summary = "客户卡片：联系人、负责人、状态、最近五次跟进", SummaryEn = "the customer card",
        Example = "客户 汇川",
        Notes = "the card: contacts, owner, status, last five follow-ups",
        Serves = ActionKind.OpenCustomer,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var c = v.Customer("company");
        var card = cards.Card(c, customers.Timeline(c.Id, 5), ctx.English, Access.CanChange(ctx.User, c));
        return Reply.WithCard(CustomerCards.ToText(card), card);
    }
}

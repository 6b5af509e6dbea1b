using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

/// <summary>
/// 回款 &lt;客户&gt; &lt;金额&gt; [日期] — applied to the oldest open invoices. The date is a past one (12月7日 on 12-08 is
/// this year's); a date-only today counts as now, so the payment is applied today at any hour.
/// </summary>
public sealed class PaymentCommand(Receivables receivables, TimeProvider clock) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("payment", "回款")
    {
        Aliases = ["payment", "paid"],
        Group = CommandGroups.Sales,
        Params =
        [
            new("company", ParamKind.Company, "客户", "customer", "请问哪家客户回款？", "Which customer?"),
            new("amount", ParamKind.Amount, "金额", "amount", "回款金额？", "Amount?"),
            new("date", ParamKind.Date, "日期", "date", "回款日期？", "Payment date?") { Required = false, Purpose = DatePurpose.Past },
        ],
        Summary = "记录回款（按最早的发票核销）", SummaryEn = "record a payment (oldest invoices first)",
        Example = "回款 汇川 8500 今天",
        Notes = "payments (oldest invoice first; the date is a past day: `12月7日` on 12-08 is this year's, `今天` counts as now)",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var c = v.Customer("company");
        var at = v.Date("date")?.HappenedUtc(clock.GetUtcNow().UtcDateTime);
        var p = receivables.Record(ctx.Actor, c.Id, v.Money("amount")!.Value, at);
        var open = receivables.OfCustomer(c.Id);
        return ctx.L($"✅ 已记录 {c.Company} 回款 {QuoteCards.Money(p.Amount)}，核销 {p.Applied.Count} 张发票" + (p.Unapplied > 0 ? $"，预收 {QuoteCards.Money(p.Unapplied)}" : "") +
                     $"。\n剩余应收 {QuoteCards.Money(open.Total)}（逾期 {QuoteCards.Money(open.Overdue)}）", $"✅ Payment recorded.");
    }
}

/// <summary>应收 [客户] — receivables with ageing.</summary>
public sealed class ReceivablesCommand(Receivables receivables) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("receivables", "应收")
    {
        Aliases = ["receivables", "ar", "账龄"],
        Group = CommandGroups.Sales,
        Params = [new("company", ParamKind.Company, "客户", "customer") { Required = false }],
        Summary = "应收账款及账龄（不写客户 = 我的全部）", SummaryEn = "receivables and ageing",
        Example = "应收 汇川",
        Notes = "ageing",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var (title, a) = v.OptionalCustomer("company") is { } c
            ? ($"{c.Company} 的应收", receivables.OfCustomer(c.Id))
            : ($"{ctx.User.Name} 的应收", receivables.OfOwner(ctx.User.Id));
        var card = new Card
        {
            Title = title,
            Fields =
            [
                new("合计", QuoteCards.Money(a.Total)), new("未到期", QuoteCards.Money(a.NotDue)), new("逾期1-30天", QuoteCards.Money(a.Days1To30)),
                new("逾期31-60天", QuoteCards.Money(a.Days31To60)), new("逾期61-90天", QuoteCards.Money(a.Days61To90)), new("逾期90天以上", QuoteCards.Money(a.Over90)),
            ],
        };
        return Reply.WithCard(Cards.ToText(card), card);
    }
}

/// <summary>账期 &lt;客户&gt; &lt;天数|月结N天&gt;</summary>
public sealed class TermsCommand(OrderService orders) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("terms", "账期")
    {
        Aliases = ["terms"],
        Group = CommandGroups.Sales,
        Params =
        [
            new("company", ParamKind.Company, "客户", "customer", "请问哪家客户？", "Which customer?"),
            new("days", ParamKind.Text, "天数|月结N天", "days", "账期多少天？（例如 月结30天）", "How many days?"),
        ],
        Summary = "设置客户的付款账期", SummaryEn = "set a customer's payment terms",
        Example = "账期 汇川 月结60天",
        Notes = "payment terms",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var digits = new string(v.Text("days").Where(char.IsAsciiDigit).ToArray());
        if (!int.TryParse(digits, out var days)) throw new CrmException("账期请写天数，例如 月结30天。", "Give the number of days.");
        var c = orders.SetTerms(ctx.Actor, v.Customer("company").Id, days);
        return ctx.L($"✅ {c.Company} 账期：{days} 天", $"✅ Terms: {days} days");
    }
}

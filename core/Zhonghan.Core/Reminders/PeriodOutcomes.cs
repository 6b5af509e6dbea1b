using Zhonghan.Core.Sales;

namespace Zhonghan.Core.Reminders;

/// <summary>A period's results for the digest: opportunities won and lost in it, and the payments received in it.</summary>
public sealed record PeriodOutcomes(IReadOnlyList<Opportunity> Won, IReadOnlyList<Opportunity> Lost, int Payments, decimal PaymentsTotal)
{
    public static readonly PeriodOutcomes None = new([], [], 0, 0m);

    /// <summary>Won / lost = moved to that stage within [from, to); payments = received within it.</summary>
    public static PeriodOutcomes Of(IEnumerable<Opportunity> opportunities, IEnumerable<Payment> payments, DateTime from, DateTime to)
    {
        var list = opportunities.ToList();
        bool MovedTo(Opportunity o, Stage stage) => o.Stage == stage && o.History.Any(h => h.To == stage && h.At >= from && h.At < to);
        var received = payments.Where(p => p.ReceivedAt >= from && p.ReceivedAt < to).ToList();
        return new PeriodOutcomes(list.Where(o => MovedTo(o, Stage.Won)).ToList(), list.Where(o => MovedTo(o, Stage.Lost)).ToList(),
            received.Count, received.Sum(p => p.Amount));
    }

    public string ToLine() =>
        $"成交 {Won.Count} 个，丢单 {Lost.Count} 个，回款 {QuoteCards.Money(PaymentsTotal)}（{Payments} 笔）";

    /// <summary>One line per won or lost opportunity (the lost ones with their reason).</summary>
    public IEnumerable<string> Lines() =>
        Won.Select(o => $"成交：{o.CustomerName}「{o.Name}」")
            .Concat(Lost.Select(o => $"丢单：{o.CustomerName}「{o.Name}」" + (string.IsNullOrWhiteSpace(o.LostReason) ? "" : $"（{o.LostReason}）")));
}

using Zhonghan.Core.People;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Sales;

/// <summary>One rep's quarter: payments received, receivables overdue at the quarter's end, the coefficient and pay.</summary>
public sealed record QuarterPay(User Rep, int Year, int Quarter, decimal Received, Ageing Receivables, decimal OverdueShare, decimal Coefficient, decimal Base, decimal Commission, decimal Pay);

/// <summary>
/// Rep pay = base + commission rate × payments received in the quarter × the quarterly overdue coefficient, looked
/// up from the share of the rep's receivables overdue at the end of the quarter (or now, for the running quarter).
/// </summary>
public sealed class PayService(Receivables receivables, SalesOptions options, UserDirectory users, TimeProvider clock)
{
    public QuarterPay For(User rep, int year, int quarter)
    {
        if (quarter is < 1 or > 4) throw new CrmException("季度只能是 1 到 4。", "The quarter must be 1–4.");
        var (from, to) = Bounds(year, quarter);
        var now = clock.GetUtcNow().UtcDateTime;
        var at = to < now ? to : now;
        var received = receivables.PaymentsOf(rep.Id, from, to).Sum(p => p.Amount);
        var ageing = receivables.OfOwner(rep.Id, at);
        var share = ageing.Total == 0 ? 0m : Math.Round(ageing.Overdue / ageing.Total, 4);
        var pay = options.Pay;
        var coefficient = Coefficient(share);
        var commission = Math.Round(pay.CommissionRate * received * coefficient, 2);
        return new QuarterPay(rep, year, quarter, received, ageing, share, coefficient, pay.QuarterlyBase, commission, pay.QuarterlyBase + commission);
    }

    public decimal Coefficient(decimal overdueShare)
    {
        var bands = options.Pay.EffectiveBands;
        return (bands.FirstOrDefault(b => overdueShare <= b.MaxOverdueShare) ?? bands[^1]).Coefficient;
    }

    public IReadOnlyList<QuarterPay> Department(int departmentId, int year, int quarter) =>
        users.InDepartment(departmentId, Role.Rep).Select(r => For(r, year, quarter)).ToList();

    /// <summary>The quarter containing today in Shanghai.</summary>
    public (int Year, int Quarter) Current()
    {
        var today = BusinessTime.Today(clock);
        return (today.Year, (today.Month - 1) / 3 + 1);
    }

    /// <summary>UTC instants of the quarter's first and next quarter's first business midnight.</summary>
    public static (DateTime From, DateTime To) Bounds(int year, int quarter)
    {
        var first = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return (BusinessTime.StartOfDayUtc(first), BusinessTime.StartOfDayUtc(first.AddMonths(3)));
    }
}

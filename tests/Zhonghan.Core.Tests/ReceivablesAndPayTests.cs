using Zhonghan.Core.Sales;

namespace Zhonghan.Core.Tests;

public class ReceivablesAndPayTests
{
    private static async Task<(Sales S, Order Order)> OrderOf(decimal amount, int? termDays = null)
    {
        var s = new Sales(new SalesOptions { Gates = new() { QuoteNeedsParts = false, SampleNeedsApprovedQuote = false, TestingNeedsShippedSample = false, OrderNeedsPassedTest = false } });
        var o = s.Opportunity();
        if (termDays is int d) s.Orders.SetTerms(s.Alice, o.CustomerId, d);
        var order = s.Orders.Place(s.Alice, o.Id, OrderKind.Trial, "STM32F103C8T6", 1000, amount / 1000);
        return (s, order);
    }

    [Fact]
    public async Task AgeingBucketsOpenInvoicesByDaysPastTheirTerms()
    {
        var (s, order) = await OrderOf(100_000m, termDays: 30);
        using var _ = s;
        s.Orders.IssueInvoice(s.Alice, order.Id, 10_000m);          // day 0, due day 30
        s.Crm.Clock.Advance(TimeSpan.FromDays(20));
        s.Orders.IssueInvoice(s.Alice, order.Id, 20_000m);          // day 20, due day 50
        s.Crm.Clock.Advance(TimeSpan.FromDays(55));                  // day 75
        s.Orders.IssueInvoice(s.Alice, order.Id, 30_000m);          // day 75, due day 105

        var a = s.Receivables.OfCustomer(order.CustomerId);
        Assert.Equal(60_000m, a.Total);
        Assert.Equal(30_000m, a.NotDue);
        Assert.Equal(20_000m, a.Days1To30);   // 25 days late
        Assert.Equal(10_000m, a.Days31To60);  // 45 days late
        Assert.Equal(0m, a.Days61To90 + a.Over90);

        // A payment goes to the oldest invoice first.
        var p = s.Receivables.Record(s.Alice, order.CustomerId, 15_000m, null);
        Assert.Equal([10_000m, 5_000m], p.Applied.Select(x => x.Amount));
        a = s.Receivables.OfCustomer(order.CustomerId);
        Assert.Equal(45_000m, a.Total);
        Assert.Equal(15_000m, a.Days1To30);
        Assert.Equal(0m, a.Days31To60);

        // Ageing as it stood before the payment.
        var before = s.Receivables.OfCustomer(order.CustomerId, s.Crm.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        Assert.Equal(30_000m, before.Total); // the third invoice was issued after that moment
    }

    [Fact]
    public async Task AnOverpaymentIsKeptAsUnappliedAndInvoicesCannotExceedTheOrder()
    {
        var (s, order) = await OrderOf(10_000m);
        using var _ = s;
        s.Orders.IssueInvoice(s.Alice, order.Id, 4_000m);
        Assert.Throws<CrmException>(() => s.Orders.IssueInvoice(s.Alice, order.Id, 7_000m));
        var p = s.Receivables.Record(s.Alice, order.CustomerId, 5_000m, null);
        Assert.Equal(1_000m, p.Unapplied);
        Assert.Equal(0m, s.Receivables.OfCustomer(order.CustomerId).Total);
    }

    [Theory]
    [InlineData(0.00, 1.0)]
    [InlineData(0.05, 1.0)]
    [InlineData(0.06, 0.9)]
    [InlineData(0.15, 0.9)]
    [InlineData(0.30, 0.8)]
    [InlineData(0.31, 0.6)]
    [InlineData(1.00, 0.6)]
    public void TheOverdueCoefficientComesFromTheTable(double share, double coefficient)
    {
        using var s = new Sales();
        Assert.Equal((decimal)coefficient, s.Pay.Coefficient((decimal)share));
    }

    [Fact]
    public async Task PayIsBasePlusCommissionOnPaymentsTimesTheCoefficient()
    {
        // Order placed 2026-11-30; quarter 4 of 2026 ends 2026-12-31 (Shanghai).
        var (s, order) = await OrderOf(200_000m, termDays: 10);
        using var _ = s;
        s.Orders.IssueInvoice(s.Alice, order.Id, 100_000m);       // due 12-10
        s.Orders.IssueInvoice(s.Alice, order.Id, 100_000m);       // due 12-10
        s.Crm.Clock.Advance(TimeSpan.FromDays(5));
        s.Receivables.Record(s.Alice, order.CustomerId, 120_000m, null); // pays the first and 20,000 of the second
        s.Crm.Clock.Advance(TimeSpan.FromDays(40));                     // 2027-01-14: the quarter has ended

        var q = s.Pay.For(s.Crm.Alice, 2026, 4);
        Assert.Equal(120_000m, q.Received);
        Assert.Equal(80_000m, q.Receivables.Total);       // at quarter end
        Assert.Equal(1m, q.OverdueShare);                 // all of it past 12-10
        Assert.Equal(0.6m, q.Coefficient);
        Assert.Equal(36_000m + 0.01m * 120_000m * 0.6m, q.Pay);
        Assert.Equal(0m, s.Pay.For(s.Crm.Alice, 2027, 1).Received);
    }
}

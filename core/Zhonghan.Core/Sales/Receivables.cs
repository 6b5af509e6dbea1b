using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Sales;

/// <summary>Receivables of a customer (or a rep) at a moment, bucketed by days overdue.</summary>
public sealed record Ageing(decimal Total, decimal NotDue, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90)
{
    public decimal Overdue => Total - NotDue;
    public static Ageing operator +(Ageing a, Ageing b) =>
        new(a.Total + b.Total, a.NotDue + b.NotDue, a.Days1To30 + b.Days1To30, a.Days31To60 + b.Days31To60, a.Days61To90 + b.Days61To90, a.Over90 + b.Over90);
    public static readonly Ageing Zero = new(0, 0, 0, 0, 0, 0);
}

/// <summary>回款: payments applied to the oldest open invoices first; receivables and their ageing at any moment.</summary>
public sealed class Receivables(ISalesStore store, CustomerService customers, AuditLog audit, TimeProvider clock)
{
    public Payment Record(Actor actor, int customerId, decimal amount, DateTime? receivedAtUtc)
    {
        if (amount <= 0 || amount > 1_000_000_000m) throw new CrmException("回款金额需要大于 0。", "The amount must be above 0.");
        var now = clock.GetUtcNow().UtcDateTime;
        var at = receivedAtUtc ?? now;
        // Not a day's slack: a payment dated after now is not counted as paid now, so it would look unapplied.
        if (at > now) throw new CrmException("回款日期不能在将来。", "The payment date cannot be in the future.");
        {
            var c = customers.GetVisible(actor.User, customerId);
            if (!(Access.CanChange(actor.User, c) || actor.User.Role == Role.InquiryAssistant && c.DepartmentId == actor.User.DepartmentId))
                throw Access.NotYours();
            var payment = new Payment { CustomerId = c.Id, OwnerId = c.OwnerId ?? actor.User.Id, Amount = amount, ReceivedAt = at, RecordedById = actor.User.Id };
            var left = amount;
            foreach (var inv in OpenInvoices(c.Id))
            {
                if (left <= 0) break;
                var apply = Math.Min(left, inv.Open);
                inv.Paid += apply;
                store.Save(inv);
                payment.Applied.Add(new PaymentApplication { InvoiceId = inv.Id, Amount = apply });
                left -= apply;
            }
            payment.Unapplied = left;
            store.Add(payment);
            audit.Record(actor, "payment.record", $"customer:{c.Id}", $"回款 {QuoteCards.Money(amount)}，核销 {payment.Applied.Count} 张发票" + (left > 0 ? $"，预收 {QuoteCards.Money(left)}" : ""));
            return payment;
        }
    }

    /// <summary>Open invoices of a customer, oldest first (an index range, no sort).</summary>
    public IReadOnlyList<Invoice> OpenInvoices(int customerId) =>
        store.OpenInvoicesOf(customerId);

    public Ageing OfCustomer(int customerId, DateTime? atUtc = null) =>
        Age(store.InvoicesOf(customerId), atUtc ?? clock.GetUtcNow().UtcDateTime);

    public Ageing OfOwner(int ownerId, DateTime? atUtc = null) =>
        Age(store.InvoicesOwnedBy(ownerId), atUtc ?? clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Ageing as it stood at <paramref name="at"/>: only invoices issued by then, minus payments received by then.
    /// </summary>
    public Ageing Age(IEnumerable<Invoice> invoices, DateTime at)
    {
        var list = invoices.Where(i => i.IssuedAt <= at).ToList();
        if (list.Count == 0) return Ageing.Zero;
        var paidBy = PaidAt(list, at);
        decimal notDue = 0, d30 = 0, d60 = 0, d90 = 0, over = 0;
        foreach (var inv in list)
        {
            var open = inv.Amount - paidBy.GetValueOrDefault(inv.Id);
            if (open <= 0) continue;
            var late = (at - inv.DueAt).TotalDays;
            if (late <= 0) notDue += open;
            else if (late <= 30) d30 += open;
            else if (late <= 60) d60 += open;
            else if (late <= 90) d90 += open;
            else over += open;
        }
        return new Ageing(notDue + d30 + d60 + d90 + over, notDue, d30, d60, d90, over);
    }

    /// <summary>How much of each invoice was paid by payments received at or before <paramref name="at"/>.</summary>
    private Dictionary<int, decimal> PaidAt(List<Invoice> invoices, DateTime at)
    {
        var paid = new Dictionary<int, decimal>();
        foreach (var customerId in invoices.Select(i => i.CustomerId).Distinct())
            foreach (var p in store.PaymentsOf(customerId).Where(p => p.ReceivedAt <= at))
                foreach (var a in p.Applied)
                    paid[a.InvoiceId] = paid.GetValueOrDefault(a.InvoiceId) + a.Amount;
        return paid;
    }

    public IReadOnlyList<Payment> PaymentsOf(int ownerId, DateTime fromUtc, DateTime toUtc) =>
        store.PaymentsOwnedBy(ownerId).Where(p => p.ReceivedAt >= fromUtc && p.ReceivedAt < toUtc).ToList();
}

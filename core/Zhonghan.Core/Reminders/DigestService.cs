using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Reminders;

/// <summary>
/// Builds a department's digest for a period: new leads; follow-up plans due vs completed per rep (a plan counts as
/// completed when the customer got a later follow-up by the period's end); follow-ups logged; new opportunities;
/// stage movements; wins, losses and payments; overdue follow-ups; quotes awaiting approval; samples out; overdue receivables; the funnel.
/// </summary>
public sealed class DigestService(ICustomerStore crm, ISalesStore sales, CustomerService customers, Receivables receivables, UserDirectory users, TimeProvider clock)
{
    /// <summary>The daily digest covers yesterday; the weekly one the last seven days (Monday: the week before).</summary>
    public DigestReport Build(Department department, bool weekly)
    {
        var today = BusinessTime.Today(clock);
        var to = BusinessTime.StartOfDayUtc(today);
        var from = BusinessTime.StartOfDayUtc(today.AddDays(weekly ? -7 : -1));
        return Build(department, weekly, from, to);
    }

    public DigestReport Build(Department department, bool weekly, DateTime from, DateTime to)
    {
        // Rows are the people who sell; the department's overdue list also covers customers its managers hold.
        var workers = users.InDepartment(department.Id).Where(u => Security.Access.WorksCustomers(u)).ToList();
        var reps = workers.Where(u => u.Role == Role.Rep).ToList();
        var repIds = reps.Select(r => r.Id).ToHashSet();
        var workerIds = workers.Select(w => w.Id).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;

        var plans = crm.FollowUpsPlannedBetween(from, to, 100_000).Where(f => repIds.Contains(f.ById)).ToList();
        var logged = crm.FollowUpsLoggedBetween(from, to, 100_000).Where(f => repIds.Contains(f.ById)).ToList();
        var opportunities = sales.OpportunitiesOfDepartment(department.Id, 100_000).ToList();
        var overdue = customers.DueBetween(DateTime.MinValue.AddTicks(1), BusinessTime.StartOfDayUtc(BusinessTime.Today(clock)))
            .Where(c => c.DepartmentId == department.Id && c.OwnerId is int o && workerIds.Contains(o)).ToList();

        var repLines = reps.Select(r =>
        {
            var mine = plans.Where(p => p.ById == r.Id).ToList();
            var completed = mine.Count(p => customers.Timeline(p.CustomerId, 1).FirstOrDefault() is { } last && last.At > p.At && last.At < to);
            var owing = receivables.OfOwner(r.Id, now);
            return new RepDigest(r, mine.Count, completed, logged.Count(f => f.ById == r.Id),
                opportunities.Count(o => o.OwnerId == r.Id && o.CreatedAt >= from && o.CreatedAt < to),
                overdue.Count(c => c.OwnerId == r.Id), owing.Overdue);
        }).ToList();

        var moves = opportunities.SelectMany(o => o.History.Where(h => h.At >= from && h.At < to)
            .Select(h => $"{o.CustomerName}「{o.Name}」{h.From.Chinese()} → {h.To.Chinese()}（{users.Get(h.ById)?.Name}）")).ToList();
        var oppIds = opportunities.ToDictionary(o => o.Id);
        var pendingQuotes = sales.QuotesWithStatus(QuoteStatus.PendingApproval, 10_000)
            .Where(q => oppIds.ContainsKey(q.OpportunityId))
            .Select(q => $"{q.No} {oppIds[q.OpportunityId].CustomerName} {QuoteCards.Money(q.Amount)}（{q.CurrentStep?.Role.Chinese()}审批中）").ToList();
        var samplesOut = sales.SamplesWithStatus(SampleStatus.Shipped, 10_000)
            .Where(s => oppIds.ContainsKey(s.OpportunityId))
            .Select(s => $"{s.No} {oppIds[s.OpportunityId].CustomerName} {s.Mpn} × {s.Quantity}" + (s.ShippedAt is DateTime at ? $"（{BusinessTime.Describe(at, true)}寄出）" : "")).ToList();

        return new DigestReport
        {
            Department = department, Weekly = weekly, From = from, To = to,
            NewLeads = crm.CreatedBetween(from, to, 100_000).Count(c => c.DepartmentId == department.Id),
            Reps = repLines,
            StageMovements = moves,
            OverdueFollowUpCount = overdue.Count,
            OverdueFollowUps = overdue.OrderBy(c => c.NextFollowUpAt).Take(10)
                .Select(c => $"{c.Company} · {users.Get(c.OwnerId!.Value)?.Name} · 计划 {BusinessTime.Describe(c.NextFollowUpAt!.Value, true)}").ToList(),
            QuotesPending = pendingQuotes,
            SamplesOut = samplesOut,
            OverdueReceivables = repLines.Sum(r => r.OverdueReceivables),
            Funnel = FunnelService.Build(opportunities),
            Outcomes = PeriodOutcomes.Of(opportunities, workers.SelectMany(w => sales.PaymentsOwnedBy(w.Id)), from, to),
        };
    }
}

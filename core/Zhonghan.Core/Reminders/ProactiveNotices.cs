using Microsoft.Extensions.Logging;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Parsing;
using Zhonghan.Core.People;
using Zhonghan.Core.Pool;
using Zhonghan.Core.Sales;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Reminders;

/// <summary>
/// The other pushes: public-pool warnings M days before the automatic return and the nightly return itself; approvals
/// waiting longer than X hours. Each goes through the batcher (one message per person) and the durable queue.
/// </summary>
public sealed class ProactiveNotices(
    PoolService pool, ISalesStore sales, SalesOptions salesOptions, ReminderBatcher batcher, DeliveryQueue queue, IUnitOfWorkFactory units,
    TimeProvider clock, ILogger<ProactiveNotices> log)
{
    public static readonly User System = new() { Id = 0, Name = "系统", LocalName = "system", Role = Role.Admin };

    /// <summary>The nightly pool run: warn owners, then return what is past the limit and tell the previous owners.</summary>
    public async Task<(int Warned, int Returned)> PoolNightlyAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (warned, returned) = await units.RunAsync(() => PoolNightly(now), ct);
        await queue.FlushAsync(ct);
        if (warned + returned > 0) log.LogInformation("Pool: {Warned} warned, {Returned} returned", warned, returned);
        return (warned, returned);
    }

    private (int Warned, int Returned) PoolNightly(DateTime now)
    {
        var rules = pool.Rules;
        var warnings = pool.DueForWarning().Select(c =>
        {
            var at = pool.AutoReturnAt(c)!.Value;
            var card = new Card
            {
                Title = $"即将退回公海：{c.Company}",
                Fields = [new("自动退回", BusinessTime.Describe(at, true)), new("上次跟进", c.LastFollowUpAt is DateTime l ? BusinessTime.Describe(l, true) : "无")],
                Actions =
                [
                    CardAction.Run("记跟进", CommandIntent.OfCustomer(ActionKind.LogFollowUp, c.Id), CardActionStyle.Primary),
                    CardAction.Run("查看", CommandIntent.OfCustomer(ActionKind.OpenCustomer, c.Id)),
                ],
            };
            var customer = c;
            return new ReminderItem
            {
                UserId = c.OwnerId!.Value, Key = $"pw:{c.Id}:{c.LastTouchAt!.Value.Ticks}", Card = card,
                Line = $"{c.Company} · {BusinessTime.Describe(at, true)} 自动退回", Mark = () => pool.MarkWarned(customer),
            };
        }).ToList();
        batcher.Record(now, [($"{rules.WarningDaysBefore} 天内将自动退回公海，请尽快跟进", warnings)]);

        var returned = pool.RunAutoReturn(Actor.System(System));
        var notices = returned.Where(c => c.PreviousOwnerId is not null).Select(c => new ReminderItem
        {
            UserId = c.PreviousOwnerId!.Value, Key = $"pr:{c.Id}:{c.PoolSince!.Value.Ticks}", Line = c.Company,
            Card = new Card { Title = $"已退回公海：{c.Company}", Lines = [c.PoolReason ?? ""], Actions = [CardAction.Run("查看", CommandIntent.OfCustomer(ActionKind.OpenCustomer, c.Id))] },
            Mark = () => { },
        }).ToList();
        batcher.Record(now, [($"超过 {rules.AutoReturnDays} 天未跟进，已自动退回公海", notices)]);
        return (warnings.Count, returned.Count);
    }

    /// <summary>Quotes and sample requests waiting longer than the configured hours remind their approvers (once per step).</summary>
    public async Task<int> ApprovalRemindersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var messages = await units.RunAsync(() => batcher.Record(now, [("待审批提醒", WaitingApprovals(now))]), ct);
        await queue.FlushAsync(ct);
        return messages;
    }

    private List<ReminderItem> WaitingApprovals(DateTime now)
    {
        var limit = TimeSpan.FromHours(salesOptions.ApprovalReminderHours);
        var items = new List<ReminderItem>();
        foreach (var q in sales.QuotesWithStatus(QuoteStatus.PendingApproval, 10_000))
        {
            var step = q.CurrentStep;
            if (step?.AskedAt is not DateTime asked || step.Reminded || now - asked < limit) continue;
            var o = sales.Opportunity(q.OpportunityId);
            var quote = q;
            foreach (var id in step.ApproverIds)
                items.Add(new ReminderItem
                {
                    UserId = id, Key = $"qa:{q.Id}:{q.Steps.IndexOf(step)}", Line = $"报价 {q.No} · {o?.CustomerName} · {QuoteCards.Money(q.Amount)}",
                    Card = new Card
                    {
                        Title = $"报价 {q.No} 等你审批已超过 {salesOptions.ApprovalReminderHours} 小时",
                        Subtitle = $"{o?.CustomerName} · {o?.Name}",
                        Fields = [new("金额", QuoteCards.Money(q.Amount)), new("送审时间", BusinessTime.Describe(asked, false))],
                        Actions =
                        [
                            CardAction.Run("同意", CommandIntent.OfDocument(ActionKind.Approve, CodeKind.Quote, q.Id), CardActionStyle.Primary),
                            CardAction.Run("待审批", new(ActionKind.PendingApprovals)),
                        ],
                    },
                    Mark = () => { step.Reminded = true; sales.Save(quote); },
                });
        }
        foreach (var s in sales.SamplesWithStatus(SampleStatus.PendingApproval, 10_000))
        {
            var step = s.Steps.FirstOrDefault(x => x.Decision is null);
            if (step?.AskedAt is not DateTime asked || step.Reminded || now - asked < limit) continue;
            var sample = s;
            foreach (var id in step.ApproverIds)
                items.Add(new ReminderItem
                {
                    UserId = id, Key = $"sa:{s.Id}", Line = $"申样 {s.No} · {s.Mpn} × {s.Quantity}",
                    Card = new Card { Title = $"申样 {s.No} 等你审批", Actions = [CardAction.Run("同意", CommandIntent.OfDocument(ActionKind.Approve, CodeKind.Sample, s.Id), CardActionStyle.Primary)] },
                    Mark = () => { step.Reminded = true; sales.Save(sample); },
                });
        }
        return items;
    }
}

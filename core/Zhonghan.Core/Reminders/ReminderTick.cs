using Microsoft.Extensions.Logging;
using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Reminders;

/// <summary>
/// The minute's work: follow-up plans due, overdue escalations and ad-hoc reminders are gathered, combined into one
/// message per person and recorded with their marks in one unit of work, then sent from the durable queue.
/// </summary>
public sealed class ReminderTick(
    FollowUpReminders followUps, AdHocReminders adHoc, ReminderBatcher batcher, DeliveryQueue queue, IUnitOfWorkFactory units,
    TimeProvider clock, ILogger<ReminderTick> log)
{
    private readonly SemaphoreSlim running = new(1, 1);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        await running.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var (messages, items) = await units.RunAsync(() =>
            {
                var due = followUps.Due(now).Concat(adHoc.Due(now)).ToList();
                var overdue = followUps.Overdue(now);
                var recorded = batcher.Record(now, [("跟进提醒", due), ("逾期跟进", overdue)]);
                followUps.SaveWatermarks();
                return (recorded, due.Count + overdue.Count);
            }, ct);
            var sent = await queue.FlushAsync(ct);
            if (messages > 0) log.LogInformation("Reminders: {Items} items in {Messages} messages, {Sent} sent", items, messages, sent);
            return messages;
        }
        finally
        {
            running.Release();
        }
    }
}

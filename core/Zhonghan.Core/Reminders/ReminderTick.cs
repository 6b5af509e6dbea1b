using Microsoft.Extensions.Logging;

namespace Zhonghan.Core.Reminders;

/// <summary>
/// The minute's work: follow-up plans due, overdue escalations and ad-hoc reminders are gathered, combined into one
/// message per person, recorded with their marks in one transaction, then sent from the durable queue.
/// </summary>
public sealed class ReminderTick(FollowUpReminders followUps, AdHocReminders adHoc, ReminderBatcher batcher, DeliveryQueue queue, TimeProvider clock, ILogger<ReminderTick> log)
{
    private readonly SemaphoreSlim running = new(1, 1);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        await running.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = followUps.Due(now).Concat(adHoc.Due(now)).ToList();
            var overdue = followUps.Overdue(now);
            var messages = batcher.Record(now, [("跟进提醒", due), ("逾期跟进", overdue)], followUps.SaveWatermarks);
            var sent = await queue.FlushAsync(ct);
            if (messages > 0) log.LogInformation("Reminders: {Items} items in {Messages} messages, {Sent} sent", due.Count + overdue.Count, messages, sent);
            return messages;
        }
        finally
        {
            running.Release();
        }
    }
}

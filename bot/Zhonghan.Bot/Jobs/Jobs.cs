using Quartz;
using Zhonghan.Bot.Hosting;
using Zhonghan.Core.Reminders;

namespace Zhonghan.Bot.Jobs;

// Jobs are small and carry no business data: each asks a core service what is due and sends it.

/// <summary>Every minute (and once at start, catching up what was missed): due follow-ups, escalations, ad-hoc reminders.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderTickJob(ReminderTick tick) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await tick.RunAsync(ct);
}

/// <summary>Nightly at 01:00: public-pool warnings and the automatic return.</summary>
[DisallowConcurrentExecution]
public sealed class PoolNightlyJob(ProactiveNotices notices) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await notices.PoolNightlyAsync(ct);
}

/// <summary>Every 15 minutes: approvals waiting too long remind their approvers.</summary>
[DisallowConcurrentExecution]
public sealed class ApprovalReminderJob(ProactiveNotices notices) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await notices.ApprovalRemindersAsync(ct);
}

/// <summary>Every 5 minutes: sends the digests that are due and not yet sent (so a missed one goes out at start).</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestScheduler digests) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await digests.RunDueAsync(ct);
}

/// <summary>Daily at 03:00: forgets what is past its time (the <see cref="Retention"/> table).</summary>
[DisallowConcurrentExecution]
public sealed class MaintenanceJob(Retention retention) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        retention.Run();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Daily at 02:30: a backup of the database into DATA/backups/, keeping the last Backup:Keep.</summary>
[DisallowConcurrentExecution]
public sealed class BackupJob(DbBackups backups) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await backups.DailyAsync(ct);
}

using Microsoft.Extensions.Options;
using Quartz;
using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Hosting;
using Zhonghan.Bot.Reminders;
using Zhonghan.Core.Reminders;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Jobs;

public static class ReminderRegistration
{
    public const string BackupJobName = "backup.daily";

    /// <summary>Reminders, escalations, pool notices, approval reminders and digests; the Quartz schedule unless Reminders:Scheduler=false.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration("Reminders")
            .Validate(o => o.EscalateAfterDays >= 0 && o.CatchUpDays is >= 0 and <= 60 && o.LateAfterMinutes >= 0, "Reminders settings out of range.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReminderOptions>>().Value);
        services.AddSingleton<QuietHours>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<ReminderBatcher>();
        services.AddSingleton<FollowUpReminders>();
        services.AddSingleton<AdHocReminders>();
        services.AddSingleton<ReminderTick>();
        services.AddSingleton<ProactiveNotices>();
        services.AddSingleton<DigestService>();
        services.AddSingleton<DigestCharts>();
        services.AddSingleton<IDigestCharts>(sp => sp.GetRequiredService<DigestCharts>());
        services.AddSingleton<DigestScheduler>();


        if (!config.GetValue("Reminders:Scheduler", true)) return services;
        var store = StoreSelection.From(config);
        services.AddQuartz(q =>
        {
            if (store.IsPostgreSql) ClusteredSchedule.Use(q, store.ConnectionString!);
            var zone = BusinessTime.Zone;
            Every<ReminderTickJob>(q, "reminders.tick", TimeSpan.FromMinutes(1));
            Every<ApprovalReminderJob>(q, "approvals.remind", TimeSpan.FromMinutes(15));
            Every<DigestJob>(q, "digests", TimeSpan.FromMinutes(5));
            Daily<PoolNightlyJob>(q, "pool.nightly", "0 0 1 * * ?", zone);
            Daily<MaintenanceJob>(q, "maintenance", "0 0 3 * * ?", zone);
            Daily<BackupJob>(q, BackupJobName, "0 30 2 * * ?", zone);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void Every<T>(IQuartzBuilder q, string name, TimeSpan interval) where T : IJob =>
        q.ScheduleJob<T>(t => t.WithIdentity(name + ".trigger").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()),
            j => j.WithIdentity(name));

    private static void Daily<T>(IQuartzBuilder q, string name, string cron, TimeZoneInfo zone) where T : IJob =>
        q.ScheduleJob<T>(t => t.WithIdentity(name + ".trigger").WithCronSchedule(cron, c => c.InTimeZone(zone)),
            j => j.WithIdentity(name));
}

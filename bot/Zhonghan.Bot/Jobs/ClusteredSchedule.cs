using Quartz;

namespace Zhonghan.Bot.Jobs;

/// <summary>
/// With PostgreSQL, Quartz keeps the schedule in the database (its ADO.NET job store, tables <c>qrtz_*</c>, created
/// at start from the schema script Quartz 4.7 carries when they are missing, and validated) with
/// clustering on (<c>quartz.jobStore.clustered=true</c>): each trigger fires on one instance, and when an instance stops
/// checking in, another takes over its triggers. Jobs that must not overlap stay so across the cluster
/// ([DisallowConcurrentExecution] is enforced through the store).
/// </summary>
public static class ClusteredSchedule
{
    public const string SchedulerName = "zhonghan";
    public const string TablePrefix = "qrtz_";
    /// <summary>How often an instance checks in; one silent for longer than the threshold is taken as dead.</summary>
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(15);

    public static void Use(IQuartzBuilder q, string connectionString)
    {
        // Each instance needs its own id in the cluster: AUTO = host name + a time stamp.
        q.Services.Configure<QuartzOptions>(o =>
        {
            o.Properties["quartz.scheduler.instanceName"] = SchedulerName;
            o.Properties["quartz.scheduler.instanceId"] = "AUTO";
        });
        q.UsePersistentStore(s =>
        {
            s.UsePostgres(connectionString);
            s.UseSystemTextJsonSerializer();
            s.ConfigureStore(o => o.TablePrefix = TablePrefix);
            s.ProvisionSchema(); // creates what is missing from Quartz's own published DDL (instances racing: one wins, the others validate)
            s.UseClustering(c => // quartz.jobStore.clustered = true
            {
                c.CheckinInterval = CheckinInterval;
                c.CheckinMisfireThreshold = CheckinMisfireThreshold;
            });
        });
    }
}

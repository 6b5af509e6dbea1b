using Microsoft.Extensions.Logging;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Storage;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Reminders;

/// <summary>Draws the digest charts (the bot renders them with ScottPlot).</summary>
public interface IDigestCharts
{
    IReadOnlyList<DeliveryImage> Render(DigestReport report);
}

/// <summary>
/// Sends each department's daily digest at 08:30 and the weekly one on Mondays, to its managers (with the charts) and
/// to its WeCom group robot when one is configured. Whether a digest went out is recorded, so one missed while the
/// bot was down goes out when it starts, and none goes out twice.
/// </summary>
public sealed class DigestScheduler(
    ICounterStore counters, IUnitOfWorkFactory units, DigestService digests, IDigestCharts charts, UserDirectory users, DeliveryQueue queue, ReminderOptions options,
    IEnumerable<IGroupRobot> robots, TimeProvider clock, ILogger<DigestScheduler> log)
{
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var local = BusinessTime.LocalNow(clock);
        if (TimeOnly.FromDateTime(local) < options.DigestAt) return 0;
        var today = DateOnly.FromDateTime(local);
        var sent = 0;
        foreach (var department in users.Departments)
        {
            if (await SendIfDueAsync(department, weekly: false, today, ct)) sent++;
            if (today.DayOfWeek == DayOfWeek.Monday && await SendIfDueAsync(department, weekly: true, today, ct)) sent++;
        }
        return sent;
    }

    /// <summary>Builds and sends a digest now (also for 日报 / 周报 on demand, to the asking user only).</summary>
    public async Task<DigestReport> SendAsync(Department department, bool weekly, IReadOnlyList<User> recipients, string keyPrefix, CancellationToken ct) =>
        (await SendWithChartsAsync(department, weekly, recipients, keyPrefix, ct)).Report;

    private async Task<(DigestReport Report, IReadOnlyList<DeliveryImage> Images)> SendWithChartsAsync(
        Department department, bool weekly, IReadOnlyList<User> recipients, string keyPrefix, CancellationToken ct)
    {
        var report = digests.Build(department, weekly);
        var images = charts.Render(report);
        var reply = Reply.Of(report.ToText());
        await units.RunAsync(() =>
        {
            foreach (var u in recipients) queue.Enqueue($"{keyPrefix}:{u.Id}", u.Id, weekly ? "周报" : "日报", [reply], images);
        }, ct);
        await queue.FlushAsync(ct);
        return (report, images);
    }

    private async Task<bool> SendIfDueAsync(Department department, bool weekly, DateOnly today, CancellationToken ct)
    {
        var mark = $"digest|{(weekly ? "weekly" : "daily")}|{department.Id}|{today:yyyyMMdd}";
        if (counters.Get(mark) is not null) return false;
        var managers = users.ManagersOf(department.Id);
        var (report, images) = await SendWithChartsAsync(department, weekly, managers, mark, ct);
        var robotKey = department.RobotKey ?? options.Robots.GetValueOrDefault(department.Name);
        if (!string.IsNullOrWhiteSpace(robotKey) && robots.FirstOrDefault() is { } robot)
        {
            var result = await robot.SendAsync(robotKey, report.ToText(), images.Select(i => (i.Name, i.Png)).ToList(), ct);
            if (!result.Ok) log.LogWarning("Digest to the {Department} group robot failed: {Error}", department.Name, result.Error);
        }
        await units.RunAsync(() => counters.Save(new Counter { Id = mark, Value = 1, UpdatedAt = clock.GetUtcNow().UtcDateTime }), ct);
        log.LogInformation("{Kind} for {Department} sent to {Managers}", weekly ? "Weekly digest" : "Daily digest", department.Name, string.Join(", ", managers.Select(m => m.Name)));
        return true;
    }
}

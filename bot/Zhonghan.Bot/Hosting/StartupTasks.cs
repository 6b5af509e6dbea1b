using Microsoft.Extensions.Options;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Storage;

namespace Zhonghan.Bot.Hosting;

/// <summary>
/// At start: seed the demo data when there was no database file at all (never into an existing file, whatever its
/// size: an empty or damaged file is not a fresh start), forget old message ids.
/// </summary>
public sealed class StartupTasks(
    DemoData demo, IOptions<BotOptions> options, DataFolder folder, ProcessedMessages processed, ILogger<StartupTasks> log) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        if (options.Value.SeedDemoData && !folder.DatabaseExisted) demo.SeedIfEmpty();
        var purged = processed.Purge();
        log.LogInformation("数据目录：{DataDir}", folder.Path);
        if (purged > 0) log.LogInformation("Forgot {Count} old message ids", purged);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

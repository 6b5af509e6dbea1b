using Microsoft.Extensions.Options;
using Zhonghan.Storage.LiteDb;

namespace Zhonghan.Bot.Hosting;

/// <summary>
/// At start: seed the demo data when there was no database file at all (never into an existing file, whatever its
/// size: an empty or damaged file is not a fresh start), forget old message ids.
/// </summary>
public sealed class StartupTasks(
    DemoData demo, IOptions<BotOptions> options, DataFolder folder, Retention retention, ILogger<StartupTasks> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.SeedDemoData && !folder.DatabaseExisted) await demo.SeedIfEmptyAsync(ct);
        log.LogInformation("数据目录：{DataDir}", folder.Path);
        retention.Run();
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

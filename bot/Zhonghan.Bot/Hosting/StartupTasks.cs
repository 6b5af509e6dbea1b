using Microsoft.Extensions.Options;
using Zhonghan.Storage.LiteDb;

namespace Zhonghan.Bot.Hosting;

/// <summary>
/// At start: seed the demo data when there was no store at all — no database file, or PostgreSQL tables created by
/// this start (never into an existing one, whatever its size: an empty or damaged file is not a fresh start) — and
/// forget old message ids.
/// </summary>
public sealed class StartupTasks(
    DemoData demo, IOptions<BotOptions> options, DataFolder folder, StoreFacts store, Retention retention, ILogger<StartupTasks> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.SeedDemoData && store.Fresh) await demo.SeedIfEmptyAsync(ct);
        log.LogInformation("数据目录：{DataDir}", folder.Path);
        retention.Run();
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

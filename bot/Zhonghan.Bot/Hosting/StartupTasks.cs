using Microsoft.Extensions.Options;
using Zhonghan.Core.Conversations;
using Zhonghan.Storage.LiteDb;

namespace Zhonghan.Bot.Hosting;

/// <summary>
/// At start: seed the demo data when there was no database file at all (never into an existing file, whatever its
/// size: an empty or damaged file is not a fresh start), forget old message ids.
/// </summary>
public sealed class StartupTasks(
    DemoData demo, IOptions<BotOptions> options, DataFolder folder, IConversationStore conversations, TimeProvider clock,
    ILogger<StartupTasks> log) : IHostedService
{
    /// <summary>Channels retry within minutes; a message's record is kept three days, then forgotten.</summary>
    public static readonly TimeSpan KeepProcessed = MessageIds.KeepFor;

    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.SeedDemoData && !folder.DatabaseExisted) await demo.SeedIfEmptyAsync(ct);
        var purged = conversations.PurgeProcessed(clock.GetUtcNow().UtcDateTime - KeepProcessed);
        log.LogInformation("数据目录：{DataDir}", folder.Path);
        if (purged > 0) log.LogInformation("Forgot {Count} old message ids", purged);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

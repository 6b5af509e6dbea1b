using Microsoft.Extensions.Options;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Hosting;

/// <summary>At start: seed the demo data on an empty database, forget old message ids, say how the local chat is set.</summary>
public sealed class StartupTasks(
    DemoData demo, IOptions<BotOptions> options, IConversationStore conversations, LocalChatMode localChat, TimeProvider clock,
    ILogger<StartupTasks> log) : IHostedService
{
    /// <summary>Channels retry within minutes; a message's record is kept three days, then forgotten.</summary>
    public static readonly TimeSpan KeepProcessed = TimeSpan.FromDays(3);

    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.SeedDemoData) await demo.SeedIfEmptyAsync(ct);
        var purged = conversations.PurgeProcessed(clock.GetUtcNow().UtcDateTime - KeepProcessed);
        log.LogInformation("数据目录：{DataDir}", BotConfigurationDataDir());
        log.LogInformation("{LocalChat}", localChat.Description);
        if (purged > 0) log.LogInformation("Forgot {Count} old message ids", purged);
    }

    private string BotConfigurationDataDir() => Path.GetFullPath(options.Value.DataDir);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

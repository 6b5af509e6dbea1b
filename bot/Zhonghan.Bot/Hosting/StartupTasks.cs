using Microsoft.Extensions.Options;
using Zhonghan.Bot.Pipeline;

namespace Zhonghan.Bot.Hosting;

/// <summary>At start: seed the demo data on an empty database, forget old message ids, say how the local chat is set.</summary>
public sealed class StartupTasks(
    DemoData demo, IOptions<BotOptions> options, ProcessedMessages processed, LocalChatMode localChat, ILogger<StartupTasks> log) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        if (options.Value.SeedDemoData) demo.SeedIfEmpty();
        var purged = processed.Purge();
        log.LogInformation("数据目录：{DataDir}", BotConfigurationDataDir());
        log.LogInformation("{LocalChat}", localChat.Description);
        if (purged > 0) log.LogInformation("Forgot {Count} old message ids", purged);
        return Task.CompletedTask;
    }

    private string BotConfigurationDataDir() => Path.GetFullPath(options.Value.DataDir);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

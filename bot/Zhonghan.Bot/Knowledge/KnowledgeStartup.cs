using Microsoft.Extensions.Options;
using Zhonghan.Knowledge;

namespace Zhonghan.Bot.Knowledge;

/// <summary>On the first start, imports the shipped demo FAQ and catalogue (Knowledge/Demo beside the program).</summary>
public sealed class KnowledgeStartup(KnowledgeBase kb, IOptions<KnowledgeOptions> options, ILogger<KnowledgeStartup> log) : IHostedService
{
    public static string DemoFolder => Path.Combine(AppContext.BaseDirectory, "Knowledge", "Demo");

    public async Task StartAsync(CancellationToken ct)
    {
        if (!options.Value.ImportDemoContent || kb.DemoImported || !kb.IsEmpty) return;
        if (!Directory.Exists(DemoFolder)) { log.LogWarning("Demo knowledge folder missing: {Folder}", DemoFolder); return; }
        var report = await kb.ImportAsync(DemoFolder, null, ct, demo: true);
        log.LogInformation("知识库：已导入演示资料 {Files} 个文件、{Records} 条（{Folder}）", report.Added.Count, report.Records, kb.Folder);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

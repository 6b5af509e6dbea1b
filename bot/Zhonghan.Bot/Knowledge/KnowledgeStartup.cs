using Microsoft.Extensions.Options;
using Zhonghan.Knowledge;

namespace Zhonghan.Bot.Knowledge;

/// <summary>On the first start, imports the shipped demo FAQ and catalogue (Knowledge/Demo beside the program).</summary>
public sealed class KnowledgeStartup(KnowledgeBase kb, IOptions<KnowledgeOptions> options, ILogger<KnowledgeStartup> log) : IHostedService
{
    public static string DemoFolder => Path.Combine(AppContext.BaseDirectory, "Knowledge", "Demo");

    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.ImportDemoContent && !kb.DemoImported && kb.IsEmpty)
        {
            if (Directory.Exists(DemoFolder))
            {
                var report = await kb.ImportAsync(DemoFolder, null, ct, demo: true);
                log.LogInformation("知识库：已导入演示资料 {Files} 个文件、{Records} 条（{Folder}）", report.Added.Count, report.Records, kb.Folder);
            }
            else log.LogWarning("Demo knowledge folder missing: {Folder}", DemoFolder);
        }
        // A large catalogue takes seconds to load into memory: do it now, beside the start, not in the first question.
        _ = Task.Run(() =>
        {
            try { kb.Warm(); }
            catch (Exception e) { log.LogError(e, "Knowledge index warm-up failed; the first search will try again"); }
        }, CancellationToken.None);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

using Zhonghan.Bot.Cli;
using Zhonghan.Knowledge;
using Zhonghan.Knowledge.Index;
using Zhonghan.Knowledge.Ingestion;

namespace Zhonghan.Bot.Knowledge;

/// <summary>
/// <c>kb import PATH</c> · <c>kb search "QUERY" [--top N] [--json]</c> · <c>kb search</c> (batch: one query per stdin
/// line → one JSON array per stdout line) · <c>kb status</c> · <c>kb clear</c>.
/// </summary>
public static class KbCli
{
    public const string Help = "kb import PATH | kb search \"QUERY\" [--top N] [--json] | kb search < queries.txt | kb status | kb clear   知识库";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var positional = Positional(args);
        var kb = services.GetRequiredService<KnowledgeBase>();
        switch (positional.FirstOrDefault())
        {
            case "import" when positional.Count >= 2:
                return await ImportAsync(kb, positional[1], ct);
            case "search":
                var top = int.TryParse(CliCommands.Option(args, "--top"), out var t) ? Math.Clamp(t, 1, 100) : 10;
                var search = services.GetRequiredService<KnowledgeSearch>();
                return positional.Count >= 2
                    ? await SearchAsync(search, string.Join(' ', positional.Skip(1)), top, CliCommands.Flag(args, "--json"), ct)
                    : await BatchAsync(search, top, ct);
            case "status":
                var manifest = kb.Manifest();
                Console.WriteLine($"知识库：{kb.Folder}\n记录：{kb.Count} 条，文件：{manifest.Files.Count} 个");
                foreach (var (file, e) in manifest.Files.OrderBy(f => f.Key))
                    Console.WriteLine($"  {file}  {e.Records} 条  {e.ImportedAt:yyyy-MM-dd HH:mm} UTC");
                return 0;
            case "clear":
                await kb.ClearAsync(ct);
                Console.WriteLine("知识库已清空（演示资料不会再自动导入）。");
                return 0;
            default:
                Console.Error.WriteLine("用法：" + Help);
                return 2;
        }
    }

    private static async Task<int> ImportAsync(KnowledgeBase kb, string path, CancellationToken ct)
    {
        var bar = new ProgressBar(Console.Error);
        var report = await kb.ImportAsync(path, new SyncProgress(bar.Draw), ct);
        bar.Done();
        Console.WriteLine($"新增 {report.Added.Count} · 更新 {report.Updated.Count} · 未变 {report.Unchanged.Count} · 删除 {report.Removed.Count} · 失败 {report.Failed.Count} · 跳过 {report.Skipped.Count}");
        Console.WriteLine($"写入 {report.Records:N0} 条，用时 {report.Elapsed.TotalSeconds:F1} 秒" +
                          (report.RowsWithoutPart > 0 ? $"；{report.RowsWithoutPart} 行没有型号，已跳过" : ""));
        foreach (var (file, reason) in report.Failed) Console.WriteLine($"❌ {file}：{reason}");
        foreach (var file in report.Removed) Console.WriteLine($"🗑 已删除：{file}");
        return report.Failed.Count == 0 ? 0 : 1;
    }

    private static async Task<int> SearchAsync(KnowledgeSearch search, string query, int top, bool json, CancellationToken ct)
    {
        var result = await search.SearchAsync(query, top, ct);
        if (json) { Console.WriteLine(KbHitJson.Line(result.Hits)); return 0; }
        if (result.Hits.Count == 0) { Console.WriteLine("没有结果。"); return 0; }
        var i = 0;
        foreach (var h in result.Hits)
        {
            Console.WriteLine($"{++i}. [{h.Match.ToString().ToLowerInvariant()}] {h.Record.Title}  score {h.Score:F2}");
            Console.WriteLine($"   {h.Snippet}");
            Console.WriteLine($"   来源：{h.Record.Source}");
        }
        return 0;
    }

    private static async Task<int> BatchAsync(KnowledgeSearch search, int top, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested && await Console.In.ReadLineAsync(ct) is { } line)
        {
            var result = line.Trim().Length == 0 ? SearchResult.Empty : await search.SearchAsync(line, top, ct);
            Console.WriteLine(KbHitJson.Line(result.Hits));
        }
        return 0;
    }

    /// <summary>Arguments that are not options, option values or configuration overrides.</summary>
    private static List<string> Positional(string[] args)
    {
        var list = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--top" or "--data") { i++; continue; }
            if (args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            list.Add(args[i]);
        }
        return list;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and draw out of order).</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

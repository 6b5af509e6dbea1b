using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Zhonghan.Knowledge;
using Zhonghan.Knowledge.Answers;
using Zhonghan.Knowledge.Index;
using Zhonghan.Knowledge.Ingestion;

namespace Zhonghan.Benchmarks.Knowledge;

/// <summary>
/// <c>kb [--per-kind N] [--scale ROWS] [--no-scale]</c>: retrieval quality on the evaluation catalogue (query set of
/// <see cref="EvalQueries"/>), the answer-threshold calibration, search latency at 6,000 and at ROWS (default
/// 600,000; synthetic variants of the real rows) parts, and import throughput. Prints markdown for docs/BENCHMARKS.md.
/// </summary>
public sealed class KnowledgeBenchmark : IBenchmark
{
    public string Name => "kb";
    public string Description => "knowledge base: Recall/MRR/abstention on catalog.csv, latency at 6k and 600k parts, import rate";

    public async Task<int> RunAsync(string[] args)
    {
        var catalog = EvalCatalogFile.Find();
        if (catalog is null) { Console.WriteLine("catalog.csv not found: set ZHONGHAN_PARTS_EVAL or run beside shared/."); return 2; }
        var perKind = Arg(args, "--per-kind", 200);
        var scale = Arg(args, "--scale", 600_000);
        var rows = EvalCatalogFile.Read(catalog);
        var queries = EvalQueries.Build(rows, perKind);
        var report = new StringBuilder();
        var work = Path.Combine(Path.GetTempPath(), "zhonghan-kb-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            report.AppendLine($"Catalogue: {rows.Count:N0} parts; query set: {queries.Count} queries ({perKind} per kind where the catalogue allows).\n");
            using (var kb = Open(Path.Combine(work, "small")))
            {
                var import = Import(kb, catalog, rows.Count);
                report.AppendLine($"Import of catalog.csv: {import}\n");
                var scores = await EvalRunner.RunAsync(queries, kb.Search, kb.Answerer);
                report.AppendLine(KindScore.Header);
                foreach (var s in scores) report.AppendLine(s.Row(Target(s.Kind)));
                report.AppendLine();
                foreach (var s in scores.Where(s => s.Declined.Count > 0))
                    report.AppendLine($"<details><summary>{s.Kind}: examples of declined answerable questions</summary>\n\n" + string.Join("\n", s.Declined.Select(m => "- `" + m + "`")) + "\n</details>\n");
                foreach (var s in scores.Where(s => s.Misses.Count > 0))
                    report.AppendLine($"<details><summary>{s.Kind}: examples of misses</summary>\n\n" + string.Join("\n", s.Misses.Select(m => "- `" + m + "`")) + "\n</details>\n");
                report.AppendLine(await Calibration.RunAsync(kb.Index, kb.Search));
                report.AppendLine(LatencyHeader);
                report.AppendLine(await LatencyAsync(kb.Search, queries, $"search top 10 at {rows.Count:N0} parts", "p95 ≤ 10 ms"));
                foreach (var kind in EvalQueries.Kinds)
                    report.AppendLine(await LatencyAsync(kb.Search, queries.Where(q => q.Kind == kind).ToList(), $"… {kind}"));
            }
            if (!args.Contains("--no-scale"))
            {
                var big = Path.Combine(work, "big.csv");
                EvalCatalogFile.Write(big, Synthetic.Expand(rows, scale));
                using var kb = Open(Path.Combine(work, "big"));
                var import = Import(kb, big, scale);
                report.AppendLine($"\nImport of {scale:N0} parts (synthetic variants): {import}\n");
                report.AppendLine(LatencyHeader);
                report.AppendLine(await LatencyAsync(kb.Search, queries, $"search top 10 at {scale:N0} parts", "p95 ≤ 10 ms"));
                foreach (var kind in EvalQueries.Kinds)
                    report.AppendLine(await LatencyAsync(kb.Search, queries.Where(q => q.Kind == kind).ToList(), $"… {kind}"));
                var exact = queries.Where(q => q.Kind is "exact" or "lower-nodash" or "suffix-dropped" or "suffix-added").ToList();
                var atScale = await EvalRunner.RunAsync(exact, kb.Search, kb.Answerer);
                report.AppendLine($"\nPart-number kinds at {scale:N0} parts (the real rows are among the variants):\n");
                report.AppendLine(KindScore.Header);
                foreach (var s in atScale) report.AppendLine(s.Row(Target(s.Kind)));
            }
        }
        finally
        {
            try { Directory.Delete(work, true); } catch (IOException) { }
        }
        Console.WriteLine(report);
        return 0;
    }

    private sealed class Bench(string folder) : IDisposable
    {
        public KnowledgeIndex Index { get; } = new(folder, TimeProvider.System);
        public KnowledgeSearch Search => new(Index);
        public KnowledgeAnswerer Answerer => new(Search, Options.Create(new KnowledgeOptions()));
        public KnowledgeImporter Importer => new(Index, TimeProvider.System, NullLogger<KnowledgeImporter>.Instance);
        public void Dispose() => Index.Dispose();
    }

    private static Bench Open(string folder) => new(folder);

    private static string Import(Bench kb, string file, int rows)
    {
        var sw = Stopwatch.StartNew();
        var report = kb.Importer.Import(file, null, CancellationToken.None);
        sw.Stop();
        var size = new FileInfo(file).Length / 1024.0 / 1024.0;
        return $"{report.Records:N0} records from {size:F1} MB in {sw.Elapsed.TotalSeconds:F1} s = **{rows / sw.Elapsed.TotalSeconds:N0} rows/s** " +
               $"(index on disk {DirSize(kb.Index.Folder) / 1024.0 / 1024.0:F0} MB)";
    }

    /// <summary>Wall-clock latency and the search thread's CPU time per query (the machine is shared: see the load).</summary>
    private static async Task<string> LatencyAsync(KnowledgeSearch search, IReadOnlyList<EvalQuery> queries, string name, string target = "")
    {
        foreach (var q in queries.Take(200)) await search.SearchAsync(q.Text, 10, CancellationToken.None);   // warm-up
        var wall = new Stats(name);
        var cpu = new Stats(name);
        for (var pass = 0; pass < 2; pass++)
            foreach (var q in queries)
            {
                // The search completes on this thread (no I/O awaits without an embedding model), so its CPU time is the thread's.
                var c0 = ThreadCpu.NowMs();
                await wall.MeasureAsync(() => search.SearchAsync(q.Text, 10, CancellationToken.None));
                cpu.Add(ThreadCpu.NowMs() - c0);
            }
        return $"| {name} | {wall.Count} | {wall.Percentile(50):F3} | {wall.Percentile(95):F3} | {cpu.Percentile(50):F3} | {cpu.Percentile(95):F3} | " +
               $"{cpu.Percentile(99):F3} | {LoadAverage()} | {target} |";
    }

    private const string LatencyHeader =
        "| operation | n | wall p50 ms | wall p95 ms | CPU p50 ms | CPU p95 ms | CPU p99 ms | load (1/5/15 min) | target |\n|---|---:|---:|---:|---:|---:|---:|---|---|";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Target(string kind) => kind switch
    {
        "exact" or "lower-nodash" or "suffix-dropped" or "suffix-added" => "Recall@1 ≥ 0.98",
        "family" => "Recall@5 ≥ 0.95",
        "descr-zh" or "descr-en" => "Recall@10 ≥ 0.8",
        _ => "answered as not in catalogue ≥ 0.95 (Recall@1 column)",
    };

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }

    private static long DirSize(string dir) => new DirectoryInfo(dir).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Zhonghan.Knowledge;
using Zhonghan.Knowledge.Answers;
using Zhonghan.Knowledge.Index;
using Zhonghan.Knowledge.Ingestion;
using Zhonghan.Testing;

namespace Zhonghan.Knowledge.Tests;

/// <summary>A knowledge base in a temp folder: index, importer, search and answerer, no host.</summary>
public sealed class TestKb : IDisposable
{
    private readonly TempDir dir = new();

    public TestKb(double threshold = 0.4)
    {
        Index = new KnowledgeIndex(Path.Combine(dir.Path, "kb"), TimeProvider.System);
        Importer = new KnowledgeImporter(Index, TimeProvider.System, NullLogger<KnowledgeImporter>.Instance);
        Search = new KnowledgeSearch(Index);
        Answerer = new KnowledgeAnswerer(Search, Options.Create(new KnowledgeOptions { AnswerThreshold = threshold }));
        Files = Path.Combine(dir.Path, "files");
        Directory.CreateDirectory(Files);
    }

    public KnowledgeIndex Index { get; }
    public KnowledgeImporter Importer { get; }
    public KnowledgeSearch Search { get; }
    public KnowledgeAnswerer Answerer { get; }
    /// <summary>A folder to put documents in.</summary>
    public string Files { get; }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Files, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public ImportReport ImportFiles() => Importer.Import(Files, null, CancellationToken.None);

    public ImportReport ImportDemo() => Importer.Import(DemoFolder, null, CancellationToken.None);

    public Task<SearchResult> SearchAsync(string q, int top = 10) => Search.SearchAsync(q, top, CancellationToken.None);

    public Task<Answer> AnswerAsync(string q) => Answerer.AnswerAsync(q, CancellationToken.None);

    /// <summary>The demo content as copied beside the bot (and so beside these tests).</summary>
    public static string DemoFolder => Path.Combine(AppContext.BaseDirectory, "Knowledge", "Demo");

    public void Dispose()
    {
        Index.Dispose();
        dir.Dispose();
    }
}

/// <summary>
/// The evaluation catalogue (shared/data/parts-eval/catalog.csv): ZHONGHAN_PARTS_EVAL if set, else found by walking
/// up from the test folder to a sibling "shared" folder. Never shipped; tests that need it skip when it is absent.
/// </summary>
public static class EvalCatalog
{
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("ZHONGHAN_PARTS_EVAL") is { Length: > 0 } env && File.Exists(env)) return env;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = System.IO.Path.Combine(d.FullName, "shared", "data", "parts-eval", "catalog.csv");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>A fact that needs the evaluation catalogue; skipped, saying why, when it is not on this machine.</summary>
public sealed class CatalogFactAttribute : FactAttribute
{
    public CatalogFactAttribute()
    {
        if (EvalCatalog.Path is null) Skip = "shared/data/parts-eval/catalog.csv not found (set ZHONGHAN_PARTS_EVAL)";
    }
}

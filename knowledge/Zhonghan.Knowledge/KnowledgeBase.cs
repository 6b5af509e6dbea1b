using Zhonghan.Knowledge.AI;
using Zhonghan.Knowledge.Index;
using Zhonghan.Knowledge.Ingestion;

namespace Zhonghan.Knowledge;

/// <summary>The knowledge base as the bot uses it: import (words, then vectors when configured) and what is in it.</summary>
public sealed class KnowledgeBase(KnowledgeImporter importer, KnowledgeIndex index, EmbeddingVectors vectors)
{
    public async Task<ImportReport> ImportAsync(string path, IProgress<ImportProgress>? progress, CancellationToken ct, bool demo = false)
    {
        var report = importer.Import(path, progress, ct, demo);
        if (vectors.IsEnabled && report.Changed) await vectors.SyncAsync(null, ct);
        return report;
    }

    public bool IsEmpty => index.Manifest().Files.Count == 0;

    /// <summary>Opens the index and builds the in-memory word index now, so the first question does not wait for it.</summary>
    public void Warm()
    {
        if (index.Searcher() is { } searcher) index.Words(searcher);
    }

    /// <summary>The demo content was imported once already (it is never imported twice).</summary>
    public bool DemoImported => index.Manifest().DemoImported;

    public async Task ClearAsync(CancellationToken ct)
    {
        importer.Clear();
        if (vectors.IsEnabled) await vectors.SyncAsync(null, ct);
    }

    public int Count => index.Count;

    public Manifest Manifest() => index.Manifest();

    public string Folder => index.Folder;
}

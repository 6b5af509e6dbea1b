using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Zhonghan.Core.Parts;
using Zhonghan.Knowledge.Documents;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Zhonghan.Knowledge.Index;

/// <summary>
/// The Lucene index under the data folder (BM25). Writers are opened only for an import and closed after it, so a
/// CLI import and the running bot can share the folder; readers notice a newer commit and reopen (checked at most
/// every <see cref="RefreshInterval"/>).
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);
    internal static readonly Similarity Similarity = new BM25Similarity();

    private readonly LuceneDirectory directory;
    private readonly TimeProvider clock;
    private readonly object gate = new();
    private DirectoryReader? reader;
    private IndexSearcher? searcher;
    private DateTimeOffset checkedAt;
    private WordIndex? words;
    private IndexReader? wordsReader;

    public KnowledgeIndex(string folder, TimeProvider clock)
    {
        System.IO.Directory.CreateDirectory(folder);
        Folder = folder;
        directory = new MMapDirectory(new DirectoryInfo(folder));
        this.clock = clock;
        Analyzer = Analysis.NewAnalyzer();
    }

    public string Folder { get; }
    internal Analyzer Analyzer { get; }

    /// <summary>The searcher over the latest commit, or null while nothing was ever imported.</summary>
    internal IndexSearcher? Searcher()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (searcher is not null && now - checkedAt < RefreshInterval) return searcher;
            checkedAt = now;
            if (reader is null)
            {
                if (!DirectoryReader.IndexExists(directory)) return null;
                reader = DirectoryReader.Open(directory);
            }
            else if (DirectoryReader.OpenIfChanged(reader) is { } newer)
            {
                // The old reader may be in use by a search in flight; it is left to the GC instead of disposed.
                reader = newer;
            }
            searcher = new IndexSearcher(reader) { Similarity = Similarity };
            return searcher;
        }
    }

    /// <summary>The in-memory word index of the reader behind <paramref name="searcher"/> (built once per reader).</summary>
    internal WordIndex Words(IndexSearcher searcher)
    {
        lock (gate)
        {
            if (words is null || !ReferenceEquals(wordsReader, searcher.IndexReader))
            {
                words = WordIndex.Build(searcher.IndexReader);
                wordsReader = searcher.IndexReader;
            }
            return words;
        }
    }

    /// <summary>Forces the next search to look for a newer commit (after an import in this process).</summary>
    public void Refresh() { lock (gate) checkedAt = DateTimeOffset.MinValue; }

    /// <summary>The files in the index as of the latest commit.</summary>
    public Manifest Manifest()
    {
        if (!DirectoryReader.IndexExists(directory)) return new Manifest();
        var commits = DirectoryReader.ListCommits(directory);
        return Index.Manifest.FromCommit(commits[^1].UserData);
    }

    /// <summary>Every record in the index (for embedding sync; reads stored fields, so not for the hot path).</summary>
    internal IEnumerable<KnowledgeRecord> All()
    {
        var s = Searcher();
        if (s is null) yield break;
        var live = MultiFields.GetLiveDocs(s.IndexReader);
        for (var i = 0; i < s.IndexReader.MaxDoc; i++)
            if (live is null || live.Get(i)) yield return Load(s.IndexReader, i);
    }

    /// <summary>Number of records (parts and passages) searchable now.</summary>
    public int Count => Searcher()?.IndexReader.NumDocs ?? 0;

    /// <summary>Opens the writer for one import. Throws <see cref="KnowledgeException"/> when another process holds it.</summary>
    internal IndexSession BeginWrite()
    {
        var config = new IndexWriterConfig(Analysis.Version, Analysis.NewAnalyzer())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND, Similarity = Similarity, RAMBufferSizeMB = 64,
        };
        try
        {
            return new IndexSession(new IndexWriter(directory, config));
        }
        catch (LockObtainFailedException)
        {
            throw new KnowledgeException("知识库正在被另一个导入占用（可能是另一个 kb import 进程），请稍后再试。",
                "The knowledge base is being written by another import; try again later.");
        }
    }

    internal static Document ToDocument(KnowledgeRecord r)
    {
        var doc = new Document
        {
            new StringField(Fields.Id, r.Id, Field.Store.NO),
            new StringField(Fields.File, r.File, Field.Store.NO),
            new StringField(Fields.Kind, r.Kind.ToString(), Field.Store.NO),
            new TextField(Fields.Text, Analysis.IndexedText(r), Field.Store.NO),
            new BinaryDocValuesField(Fields.Json, new BytesRef(Serialize(r))),
        };
        if (r.Kind == RecordKind.Passage)
            doc.Add(new TextField(Fields.Title, r.Title + ' ' + DomainTerms.Expand(r.Title), Field.Store.NO));
        if (!string.IsNullOrWhiteSpace(r.Mpn))
        {
            doc.Add(new StringField(Fields.MpnNorm, Mpn.Norm(r.Mpn), Field.Store.NO));
            doc.Add(new StringField(Fields.MpnBase, Mpn.Base(r.Mpn), Field.Store.NO));
        }
        return doc;
    }

    /// <summary>
    /// The record of a top-level doc id. Records live in binary doc values (memory-mapped, uncompressed), not in
    /// stored fields: measured, loading 20 stored documents cost as much as the search itself (LZ4 block per doc).
    /// </summary>
    internal static KnowledgeRecord Load(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = leaf.AtomicReader.GetBinaryDocValues(Fields.Json);
        var bytes = new BytesRef();
        values.Get(doc - leaf.DocBase, bytes);
        return JsonSerializer.Deserialize<KnowledgeRecord>(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), JsonOptions)!;
    }

    // Binary doc values hold at most 32,766 bytes per document: long attribute lists are cut to fit.
    private static byte[] Serialize(KnowledgeRecord r)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(r, JsonOptions);
        while (bytes.Length > 32_000 && r.Attributes.Count > 0)
        {
            r.Attributes.Remove(r.Attributes.Keys.Last());
            bytes = JsonSerializer.SerializeToUtf8Bytes(r, JsonOptions);
        }
        if (bytes.Length > 32_000) { r.Text = r.Text[..Math.Min(r.Text.Length, 4000)]; bytes = JsonSerializer.SerializeToUtf8Bytes(r, JsonOptions); }
        return bytes;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public void Dispose()
    {
        lock (gate)
        {
            reader?.Dispose();
            reader = null;
            searcher = null;
            words = null;
        }
        Analyzer.Dispose();
        directory.Dispose();
    }
}

/// <summary>One import's writer: replace a file's records, remove a file, commit with the manifest.</summary>
internal sealed class IndexSession(IndexWriter writer) : IDisposable
{
    public void Replace(string file, IEnumerable<KnowledgeRecord> records)
    {
        writer.DeleteDocuments(new Term(Fields.File, file));
        foreach (var r in records) writer.AddDocument(KnowledgeIndex.ToDocument(r));
    }

    public void Add(KnowledgeRecord record) => writer.AddDocument(KnowledgeIndex.ToDocument(record));

    public void Remove(string file) => writer.DeleteDocuments(new Term(Fields.File, file));

    public void DeleteAll() => writer.DeleteAll();

    public void Commit(Manifest manifest)
    {
        writer.SetCommitData(new Dictionary<string, string> { [Manifest.CommitKey] = manifest.ToJson() });
        writer.Commit();
    }

    public void Dispose() => writer.Dispose();
}

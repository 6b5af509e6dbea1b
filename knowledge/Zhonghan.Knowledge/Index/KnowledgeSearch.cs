using Lucene.Net.Index;
using Lucene.Net.Search;
using Zhonghan.Core.Parts;
using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Knowledge.Index;

/// <summary>What a search found: the hits in rank order and the part numbers read from the query.</summary>
public sealed class SearchResult
{
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];
    public IReadOnlyList<PartToken> Parts { get; init; } = [];
    /// <summary>Per part token: how many catalogue parts start with it (family size, capped at <see cref="KnowledgeSearch.FamilyCap"/>).</summary>
    public IReadOnlyDictionary<string, int> FamilySizes { get; init; } = new Dictionary<string, int>();
    /// <summary>Words of the query besides its part numbers that describe a need (0 for "X 有货吗", many for a description).</summary>
    public int DescriptiveWords { get; init; }

    public static SearchResult Empty { get; } = new();
}

/// <summary>
/// Part-number-aware search. Identity first (the normalised number, then the base without packaging suffix),
/// then family members (catalogue numbers starting with what was typed), then BM25 over words — fused with
/// vector results by reciprocal rank when an embedding endpoint is configured.
/// </summary>
public sealed class KnowledgeSearch(KnowledgeIndex index, IVectorSearch? vectors = null)
{
    public const int FamilyCap = 200;
    private const int MaxPartTokens = 5;
    private const float TitleBoost = 1.0f;

    public async Task<SearchResult> SearchAsync(string query, int top, CancellationToken ct)
    {
        top = Math.Clamp(top, 1, 100);
        var searcher = index.Searcher();
        if (searcher is null || string.IsNullOrWhiteSpace(query)) return SearchResult.Empty;
        var parts = PartTokens.Find(query);
        var hits = new List<SearchHit>();
        var seen = new HashSet<string>();
        var familySizes = new Dictionary<string, int>();

        var compact = query.Count(c => !char.IsWhiteSpace(c));
        foreach (var part in parts.Take(MaxPartTokens))
        {
            // A package code or a value ("RS-485", "SOT-23") in a sentence describes a need; only alone is it looked up.
            if (!part.Strong && part.Raw.Length * 2 < compact) continue;
            var identity = Identity(searcher, part).Where(h => seen.Add(h.Record.Id)).ToList();
            hits.AddRange(identity);
            if (identity.Count > 0 || !part.Strong) continue;
            var (members, size) = Family(searcher, part, top);
            familySizes[part.Norm] = size;
            hits.AddRange(members.Where(h => seen.Add(h.Record.Id)));
        }

        var words = Words(searcher, query, Math.Max(top, 10) + hits.Count);
        if (vectors is { IsEnabled: true })
            words = await FuseAsync(searcher, query, words, Math.Max(top, 10) + hits.Count, ct);
        var queryTokens = Analysis.QueryTokens(index.Analyzer, query);
        var spans = Analysis.Spans(index.Analyzer, query);
        var idf = new Dictionary<string, double>();
        foreach (var record in words)
        {
            if (hits.Count >= top) break;
            if (!seen.Add(record.Id)) continue;
            hits.Add(new SearchHit
            {
                Record = record, Match = MatchKind.Text, Score = Coverage(searcher, spans, record, idf),
                Snippet = Snippets.For(record, queryTokens),
            });
        }
        var rest = parts.Aggregate(query, (q, p) => q.Replace(p.Raw, " ", StringComparison.OrdinalIgnoreCase));
        return new SearchResult
        {
            Hits = hits.Take(top).ToList(), Parts = parts, FamilySizes = familySizes,
            DescriptiveWords = Analysis.DescriptiveWords(index.Analyzer, rest),
        };
    }

    private IEnumerable<SearchHit> Identity(IndexSearcher searcher, PartToken part)
    {
        foreach (var r in ByTerm(searcher, Fields.MpnNorm, part.Norm))
            yield return PartHit(r, MatchKind.Exact, 1.0, part);
        if (part.Base.Length < 4) yield break;
        foreach (var r in ByTerm(searcher, Fields.MpnBase, part.Base))
            yield return PartHit(r, MatchKind.Variant, 0.95, part);
    }

    private (List<SearchHit> Members, int Size) Family(IndexSearcher searcher, PartToken part, int top)
    {
        if (part.Norm.Length < 4) return ([], 0);
        var terms = PrefixTerms.Collect(searcher.IndexReader, Fields.MpnNorm, part.Norm, FamilyCap);
        if (terms.Count == 0 && part.Base != part.Norm && part.Base.Length >= 4)
            terms = PrefixTerms.Collect(searcher.IndexReader, Fields.MpnNorm, part.Base, FamilyCap);
        var members = terms.OrderBy(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).Take(top)
            .SelectMany(t => ByTerm(searcher, Fields.MpnNorm, t))
            .Select(r => PartHit(r, MatchKind.Family, 0.6 + 0.2 * part.Norm.Length / Math.Max(part.Norm.Length, Mpn.Norm(r.Mpn).Length), part))
            .ToList();
        return (members, terms.Count);
    }

    private static SearchHit PartHit(KnowledgeRecord r, MatchKind match, double score, PartToken part) =>
        new() { Record = r, Match = match, Score = Math.Round(score, 3), QueryPart = part.Raw, Snippet = Snippets.For(r, []) };

    /// <summary>Records whose (untokenised) field equals the value: read straight from the postings, no scoring.</summary>
    private static IEnumerable<KnowledgeRecord> ByTerm(IndexSearcher searcher, string field, string value)
    {
        var reader = searcher.IndexReader;
        var docs = MultiFields.GetTermDocsEnum(reader, MultiFields.GetLiveDocs(reader), field, new Lucene.Net.Util.BytesRef(value), DocsFlags.NONE);
        if (docs is null) yield break;
        var n = 0;
        for (var d = docs.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS && n++ < 20; d = docs.NextDoc())
            yield return KnowledgeIndex.Load(reader, d);
    }

    /// <summary>BM25 over the indexed words (see <see cref="WordIndex"/>), best first.</summary>
    private List<KnowledgeRecord> Words(IndexSearcher searcher, string query, int n)
    {
        var tokens = Analysis.QueryTokens(index.Analyzer, query);
        if (tokens.Count == 0) return [];
        var all = tokens.Concat(Analysis.IntentTokens(query)).Distinct().ToList();
        // Title words add a constant: a title word counts once, however often the title repeats it ("交期说明 › 交期查询").
        return index.Words(searcher).Search(all, TitleBoost, n).Select(d => KnowledgeIndex.Load(searcher.IndexReader, d)).ToList();
    }

    /// <summary>Reciprocal rank fusion of the BM25 list and the vector list: Σ 1/(60 + rank).</summary>
    private async Task<List<KnowledgeRecord>> FuseAsync(IndexSearcher searcher, string query, List<KnowledgeRecord> lexical, int n, CancellationToken ct)
    {
        var dense = await vectors!.NearestAsync(query, n, ct);
        if (dense.Count == 0) return lexical;
        var byId = lexical.ToDictionary(r => r.Id);
        var scores = new Dictionary<string, double>();
        for (var i = 0; i < lexical.Count; i++) scores[lexical[i].Id] = 1.0 / (Rrf.K + i + 1);
        for (var i = 0; i < dense.Count; i++) scores[dense[i]] = scores.GetValueOrDefault(dense[i]) + 1.0 / (Rrf.K + i + 1);
        var fused = new List<KnowledgeRecord>();
        foreach (var id in scores.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).Take(n))
        {
            if (byId.TryGetValue(id, out var r)) { fused.Add(r); continue; }
            var doc = searcher.Search(new TermQuery(new Term(Fields.Id, id)), 1).ScoreDocs;
            if (doc.Length > 0) fused.Add(KnowledgeIndex.Load(searcher.IndexReader, doc[0].Doc));
        }
        return fused;
    }

    /// <summary>
    /// Share of the query's IDF weight that the record contains: comparable across queries, unlike BM25. A Han
    /// bigram that straddles two words ("申请样品" → 请样) is not held against the record when both its characters
    /// are covered by matched words or question words.
    /// </summary>
    private double Coverage(IndexSearcher searcher, IReadOnlyList<Analysis.Span> spans, KnowledgeRecord record, Dictionary<string, double> idfs)
    {
        var meaningful = spans.Where(s => !s.QuestionWord).ToList();
        if (meaningful.Count == 0) return 0;
        var inRecord = Analysis.Tokens(index.Analyzer, Analysis.IndexedText(record)).ToHashSet();
        var covered = new HashSet<int>();
        foreach (var s in spans.Where(s => s.QuestionWord || inRecord.Contains(s.Term)))
            for (var i = s.Start; i < s.End; i++) covered.Add(i);
        double total = 0, found = 0;
        foreach (var s in meaningful.DistinctBy(s => s.Term))
        {
            var matched = inRecord.Contains(s.Term);
            if (!matched && Enumerable.Range(s.Start, s.End - s.Start).All(covered.Contains)) continue;
            if (!idfs.TryGetValue(s.Term, out var idf)) idfs[s.Term] = idf = index.Words(searcher).Idf(s.Term);
            total += idf;
            if (matched) found += idf;
        }
        return total <= 0 ? 0 : Math.Round(found / total, 3);
    }
}

internal static class Rrf
{
    /// <summary>The usual constant (Cormack et al. 2009; Azure AI Search uses the same).</summary>
    public const int K = 60;
}

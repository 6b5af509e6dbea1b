using System.ComponentModel;
using Microsoft.SemanticKernel;
using Zhonghan.Knowledge.Documents;
using Zhonghan.Knowledge.Index;

namespace Zhonghan.Knowledge.AI;

/// <summary>One search result as the model sees it: a reference to cite, where it comes from, and its text.</summary>
public sealed record KnowledgeSnippet(string Ref, string Title, string Source, string Text);

/// <summary>
/// The knowledge search as a kernel function. One instance per answer: it numbers what it returned (S1, S2 …) so
/// that citations can be checked against what was really retrieved. It exposes only the product knowledge base,
/// which any asker (rep or customer) may read; it can change nothing.
/// </summary>
public sealed class KnowledgePlugin(KnowledgeSearch search)
{
    private readonly List<SearchHit> retrieved = new();
    private readonly object gate = new();

    /// <summary>Everything returned to the model so far, in reference order (S1 = [0]).</summary>
    public IReadOnlyList<SearchHit> Retrieved { get { lock (gate) return retrieved.ToList(); } }

    public int Calls { get; private set; }

    [KernelFunction("search")]
    [Description("Searches the company's product catalogue and documents (FAQ, lead times, sample and quote processes, product lines). " +
                 "Use it for every question about parts, prices, stock, lead time or company processes. Part numbers may be given as typed. " +
                 "Returns passages, each with a ref such as S1 to cite in square brackets.")]
    public async Task<IReadOnlyList<KnowledgeSnippet>> SearchAsync(
        [Description("What to look for: a part number, or the question in the user's words.")] string query,
        [Description("How many results (1-8).")] int top = 5,
        CancellationToken ct = default)
    {
        var result = await search.SearchAsync(query, Math.Clamp(top, 1, 8), ct);
        var snippets = new List<KnowledgeSnippet>();
        lock (gate)
        {
            Calls++;
            foreach (var hit in result.Hits)
            {
                var index = retrieved.FindIndex(h => h.Record.Id == hit.Record.Id);
                if (index < 0) { retrieved.Add(hit); index = retrieved.Count - 1; }
                snippets.Add(new KnowledgeSnippet($"S{index + 1}", hit.Record.Title, hit.Record.Source, Describe(hit)));
            }
        }
        return snippets;
    }

    private static string Describe(SearchHit hit)
    {
        var r = hit.Record;
        var match = hit.Match switch
        {
            MatchKind.Exact => "exact part-number match",
            MatchKind.Variant => "same part, other packaging suffix",
            MatchKind.Family => $"NOT the asked part: only starts with '{hit.QueryPart}'",
            _ => "found by words",
        };
        if (r.Kind == RecordKind.Passage) return r.Text;
        return $"[{match}] MPN {r.Mpn}; manufacturer {r.Manufacturer}; category {r.Category}; package {r.Package}; " +
               $"description {r.Description}; stock {r.Stock ?? "not listed"}; price {r.Price ?? "not listed"}; " +
               $"lead time {r.LeadTime ?? "not listed"}; MOQ {r.Moq ?? "not listed"}; datasheet {r.Datasheet ?? "none"}";
    }
}

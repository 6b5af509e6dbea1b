using Zhonghan.Core.Parts;
using Zhonghan.Knowledge.Answers;
using Zhonghan.Knowledge.Index;

namespace Zhonghan.Benchmarks.Knowledge;

/// <summary>Per-kind retrieval and abstention figures.</summary>
public sealed class KindScore
{
    public required string Kind { get; init; }
    public int N { get; set; }
    public double R1 { get; set; }
    public double R5 { get; set; }
    public double R10 { get; set; }
    public double Mrr { get; set; }
    /// <summary>Queries the bot answered with "not in our catalogue" / "不确定" (no claim that a part is the asked one).</summary>
    public int Abstained { get; set; }
    /// <summary>Of those, how many should have abstained (no relevant part in the catalogue).</summary>
    public int AbstainedRightly { get; set; }
    public List<string> Misses { get; } = new();
    /// <summary>Examples of answerable queries the answerer declined, with what it answered.</summary>
    public List<string> Declined { get; } = new();

    public string Row(string target) =>
        $"| {Kind} | {N} | {R1 / N:F3} | {R5 / N:F3} | {R10 / N:F3} | {Mrr / N:F3} | {Abstained} | " +
        $"{(Abstained == 0 ? "—" : ((double)AbstainedRightly / Abstained).ToString("F3"))} | {target} |";

    public const string Header = "| kind | n | Recall@1 | Recall@5 | Recall@10 | MRR@10 | abstained | abstention precision | target |\n|---|---:|---:|---:|---:|---:|---:|---:|---|";
}

/// <summary>
/// Runs the query set through search (top 10) and the offline answerer. Recall@k is the share of queries with a
/// relevant part in the top k; for families it is |relevant ∩ top k| / min(|relevant|, k), a stricter measure.
/// </summary>
public static class EvalRunner
{
    public static async Task<List<KindScore>> RunAsync(IReadOnlyList<EvalQuery> queries, KnowledgeSearch search, KnowledgeAnswerer answerer)
    {
        var scores = EvalQueries.Kinds.ToDictionary(k => k, k => new KindScore { Kind = k });
        foreach (var q in queries)
        {
            var s = scores[q.Kind];
            s.N++;
            var hits = (await search.SearchAsync(q.Text, 10, CancellationToken.None)).Hits;
            var ranked = hits.Select(h => Mpn.Norm(h.Record.Mpn)).ToList();
            var answer = await answerer.AnswerAsync(q.Text, CancellationToken.None);
            var abstained = answer.Kind is AnswerKind.NotInCatalogue or AnswerKind.Unsure
                            || (answer.Kind == AnswerKind.Family && q.Kind != "family");
            if (q.Kind == "not-in-catalogue") abstained = answer.Kind is AnswerKind.NotInCatalogue or AnswerKind.Family or AnswerKind.Unsure;
            if (abstained) { s.Abstained++; if (q.Relevant.Count == 0) s.AbstainedRightly++; }
            if (abstained && q.Relevant.Count > 0 && s.Declined.Count < 10)
                s.Declined.Add($"{q.Text} → {answer.Kind}{(answer.Missing.Count > 0 ? " (read as part number: " + string.Join(",", answer.Missing) + ")" : "")}, top score {hits.FirstOrDefault()?.Score:F2}");
            if (q.Relevant.Count == 0)
            {
                // Right when nothing is claimed to be the part: no identity hit at all.
                var right = hits.All(h => !h.IsIdentity) && abstained;
                if (right) { s.R1++; s.R5++; s.R10++; s.Mrr++; }
                else if (s.Misses.Count < 15) s.Misses.Add($"{q.Text} → {answer.Kind} {string.Join(",", ranked.Take(2))}");
                continue;
            }
            if (q.Kind == "family")
            {
                double At(int k) => (double)ranked.Take(k).Count(q.Relevant.Contains) / Math.Min(q.Relevant.Count, k);
                s.R1 += At(1); s.R5 += At(5); s.R10 += At(10);
            }
            else
            {
                if (ranked.Take(1).Any(q.Relevant.Contains)) s.R1++;
                if (ranked.Take(5).Any(q.Relevant.Contains)) s.R5++;
                if (ranked.Take(10).Any(q.Relevant.Contains)) s.R10++;
            }
            var first = ranked.FindIndex(q.Relevant.Contains);
            if (first >= 0) s.Mrr += 1.0 / (first + 1);
            if ((first != 0 || (q.Kind != "family" && !q.Kind.StartsWith("descr") && abstained)) && s.Misses.Count < 15)
                s.Misses.Add($"{q.Text} → rank {first + 1}, {answer.Kind}, top: {string.Join(",", ranked.Take(3))}");
        }
        return EvalQueries.Kinds.Select(k => scores[k]).Where(s => s.N > 0).ToList();
    }
}

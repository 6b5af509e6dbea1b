namespace Zhonghan.Knowledge.Documents;

/// <summary>How a hit matched the query. Only <see cref="Exact"/> and <see cref="Variant"/> are the asked part itself.</summary>
public enum MatchKind
{
    /// <summary>The normalised part number is the same.</summary>
    Exact,
    /// <summary>Same part, another packaging suffix (-TR, #PBF, ,215 …).</summary>
    Variant,
    /// <summary>The catalogue part starts with what was typed: a family member, never the same part.</summary>
    Family,
    /// <summary>Found by words (BM25, or fused with vectors).</summary>
    Text,
}

/// <summary>A search result with its record, how it matched and a confidence in [0, 1].</summary>
public sealed class SearchHit
{
    public required KnowledgeRecord Record { get; init; }
    public MatchKind Match { get; init; }
    /// <summary>
    /// Confidence: 1 exact, 0.95 variant, 0.6–0.8 family (closer = higher), text = the share of the query's weight
    /// (IDF) found in the record. Comparable across queries, unlike raw BM25.
    /// </summary>
    public double Score { get; init; }
    /// <summary>The part token of the query that matched (part hits), e.g. "tps54331".</summary>
    public string? QueryPart { get; init; }
    public string Snippet { get; init; } = "";

    public bool IsIdentity => Match is MatchKind.Exact or MatchKind.Variant;
}

namespace Zhonghan.Knowledge.Index;

/// <summary>Nearest records by embedding (only when an embedding model is configured).</summary>
public interface IVectorSearch
{
    bool IsEnabled { get; }
    /// <summary>Record ids, nearest first.</summary>
    Task<IReadOnlyList<string>> NearestAsync(string query, int n, CancellationToken ct);
}

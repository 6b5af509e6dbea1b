namespace Zhonghan.Core.Storage;

/// <summary>A small named number (a rep's claims today, a round-robin position, a scan's watermark, a "sent" mark).</summary>
public sealed class Counter
{
    public string Id { get; set; } = "";
    public long Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Named counters. A counter read and saved in one unit of work is guarded like any document.</summary>
public interface ICounterStore
{
    Counter? Get(string id);
    void Save(Counter counter);
}

/// <summary>Short stable hashes for idempotency keys (string.GetHashCode differs between processes).</summary>
public static class StableHash
{
    public static string Of(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];
}

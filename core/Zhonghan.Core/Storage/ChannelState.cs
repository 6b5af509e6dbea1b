namespace Zhonghan.Core.Storage;

/// <summary>
/// Small records a channel or the host keeps across restarts (sync cursors, ids already sent, conversation
/// references, queued messages). Grouped in buckets; each record has a key, a JSON value and a time used both to
/// find what is due (<see cref="IChannelState.Until{T}"/>) and to forget old records (<see cref="IChannelState.Purge"/>).
/// Writes join the open unit of work, or commit at once when there is none.
/// </summary>
public interface IChannelState
{
    T? Get<T>(string bucket, string key) where T : class;

    /// <summary>Writes the record whatever was there (last writer wins).</summary>
    void Put<T>(string bucket, string key, T value, DateTime at) where T : class;

    void Remove(string bucket, string key);

    bool Contains(string bucket, string key);

    /// <summary>Records whose key starts with <paramref name="prefix"/>, in key order.</summary>
    IReadOnlyList<(string Key, T Value)> WithPrefix<T>(string bucket, string prefix, int limit = int.MaxValue) where T : class;

    /// <summary>Records whose time is at or before <paramref name="at"/>, oldest first.</summary>
    IReadOnlyList<(string Key, T Value)> Until<T>(string bucket, DateTime at, int limit = int.MaxValue) where T : class;

    long Count(string bucket);

    /// <summary>Forgets records older than <paramref name="before"/>; returns how many.</summary>
    int Purge(string bucket, DateTime before);
}

/// <summary>One record of <see cref="IChannelState"/> as stored.</summary>
public sealed class ChannelRecord
{
    /// <summary>"{bucket}|{key}".</summary>
    public string Id { get; set; } = "";
    public string Bucket { get; set; } = "";
    public string Key { get; set; } = "";
    public string Json { get; set; } = "";
    public DateTime At { get; set; }
}

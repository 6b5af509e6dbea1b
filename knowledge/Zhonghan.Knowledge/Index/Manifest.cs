using System.Text.Json;

namespace Zhonghan.Knowledge.Index;

/// <summary>One imported file: its content hash, which import root it came from, and how many records it gave.</summary>
public sealed class ManifestEntry
{
    public string Hash { get; set; } = "";
    public string Root { get; set; } = "";
    public int Records { get; set; }
    public DateTime ImportedAt { get; set; }
}

/// <summary>
/// The imported files, kept in the index's commit data so that the index and the list of what is in it are
/// committed together (a crash mid-import leaves both at the previous commit).
/// </summary>
public sealed class Manifest
{
    public const string CommitKey = "zhonghan.manifest";

    public Dictionary<string, ManifestEntry> Files { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The shipped demo content was imported once; it is not imported again, even after "kb clear".</summary>
    public bool DemoImported { get; set; }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static Manifest FromCommit(IDictionary<string, string>? data) =>
        data is not null && data.TryGetValue(CommitKey, out var json) && !string.IsNullOrEmpty(json)
            ? JsonSerializer.Deserialize<Manifest>(json) ?? new Manifest()
            : new Manifest();
}

namespace Zhonghan.Knowledge.Index;

/// <summary>Lucene field names.</summary>
internal static class Fields
{
    public const string Id = "id";
    public const string File = "file";
    public const string Kind = "kind";
    /// <summary>Normalised part number (exact match, and prefix for families).</summary>
    public const string MpnNorm = "mpn_n";
    /// <summary>Base part number (packaging suffix stripped).</summary>
    public const string MpnBase = "mpn_b";
    public const string Text = "text";
    /// <summary>Passage titles (document › section) with their trade words: a second, boosted word field.</summary>
    public const string Title = "title";
    /// <summary>The record as JSON (stored only).</summary>
    public const string Json = "json";
}

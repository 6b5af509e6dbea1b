namespace Zhonghan.Knowledge.Documents;

public enum RecordKind { Part, Passage }

/// <summary>
/// One searchable unit: a catalogue row (a part) or a passage of a document (an FAQ section, a PDF page chunk).
/// <see cref="Source"/> is what the user sees as the citation (file name plus row, section or page).
/// </summary>
public sealed class KnowledgeRecord
{
    /// <summary>Stable id: "{file key}#{locator}" (row number, section slug, page and chunk).</summary>
    public string Id { get; set; } = "";
    public RecordKind Kind { get; set; }
    /// <summary>The file this record came from (full path); re-import replaces all records of a file.</summary>
    public string File { get; set; } = "";
    public string Title { get; set; } = "";
    public string Source { get; set; } = "";
    /// <summary>The passage text (documents) or a one-line description (parts).</summary>
    public string Text { get; set; } = "";

    // Part facts (catalogue rows); null when the catalogue has no such column or the cell is empty.
    public string? Mpn { get; set; }
    public string? Manufacturer { get; set; }
    public string? Category { get; set; }
    public string? Description { get; set; }
    public string? Package { get; set; }
    public string? Datasheet { get; set; }
    public string? Stock { get; set; }
    public string? Price { get; set; }
    public string? LeadTime { get; set; }
    public string? Moq { get; set; }
    /// <summary>Other columns, by their header.</summary>
    public Dictionary<string, string> Attributes { get; set; } = new();
}

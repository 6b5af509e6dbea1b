namespace Zhonghan.Knowledge.Ingestion;

/// <summary>Progress of an import: files done of total, records written, the file being read.</summary>
public sealed record ImportProgress(int FilesDone, int FilesTotal, long Records, string? CurrentFile);

/// <summary>What an import did, file by file.</summary>
public sealed class ImportReport
{
    public List<string> Added { get; } = new();
    public List<string> Updated { get; } = new();
    public List<string> Unchanged { get; } = new();
    public List<string> Removed { get; } = new();
    /// <summary>Files that could not be read, with the reason (their earlier version, if any, stays searchable).</summary>
    public List<(string File, string Reason)> Failed { get; } = new();
    /// <summary>Files of a type the knowledge base does not read.</summary>
    public List<string> Skipped { get; } = new();
    public long Records { get; set; }
    /// <summary>Catalogue rows without a part number.</summary>
    public int RowsWithoutPart { get; set; }
    public TimeSpan Elapsed { get; set; }

    public bool Changed => Added.Count + Updated.Count + Removed.Count > 0;
}

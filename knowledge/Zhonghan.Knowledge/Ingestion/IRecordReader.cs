using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Knowledge.Ingestion;

/// <summary>Turns one file into records. Throws <see cref="KnowledgeException"/> when the file cannot be read.</summary>
internal interface IRecordReader
{
    IReadOnlyList<string> Extensions { get; }
    IEnumerable<KnowledgeRecord> Read(string path, CancellationToken ct);
}

internal static class RecordIds
{
    /// <summary>"{file}#{locator}": stable while the file's content at that place is the same.</summary>
    public static string For(string path, string locator) => $"{path}#{locator}";
}

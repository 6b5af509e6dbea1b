namespace Zhonghan.Knowledge;

/// <summary>The "Knowledge" settings section.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>Index folder; relative paths are under the data folder. Default: &lt;data&gt;/kb.</summary>
    public string Folder { get; set; } = "kb";

    /// <summary>
    /// Minimum confidence (share of the question's IDF weight found in the passage) for a word-based answer; below
    /// it the bot says "不确定" and hands over. Calibrated in docs/knowledge.md.
    /// </summary>
    public double AnswerThreshold { get; set; } = 0.4;

    /// <summary>Key for GET /api/kb/search from other machines (loopback callers need none). Empty = loopback only.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Import the shipped demo FAQ and catalogue on start when the knowledge base is empty.</summary>
    public bool ImportDemoContent { get; set; } = true;
}

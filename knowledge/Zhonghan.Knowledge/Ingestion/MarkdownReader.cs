using System.Text;
using System.Text.RegularExpressions;
using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Knowledge.Ingestion;

/// <summary>
/// Markdown and plain text. Markdown is cut at headings (# to ###): each section is a passage titled
/// "document › section", long sections are chunked. Plain text is chunked by paragraphs.
/// </summary>
internal sealed partial class MarkdownReader : IRecordReader
{
    [GeneratedRegex(@"^(#{1,3})\s+(.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    public IReadOnlyList<string> Extensions => [".md", ".markdown", ".txt"];

    public IEnumerable<KnowledgeRecord> Read(string path, CancellationToken ct)
    {
        var text = TextDecoding.ReadAllText(path);
        if (text.Contains('\0')) throw new KnowledgeException($"{Path.GetFileName(path)} 不是文本文件。", $"{Path.GetFileName(path)} is not a text file.");
        var name = Path.GetFileName(path);
        var isMarkdown = !path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
        var docTitle = Path.GetFileNameWithoutExtension(path);
        var sections = new List<(string Heading, string Body)>();
        string heading = "";
        var body = new StringBuilder();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var m = isMarkdown ? Heading().Match(line) : Match.Empty;
            if (!m.Success) { body.Append(line).Append('\n'); continue; }
            if (m.Groups[1].Length == 1 && sections.Count == 0 && body.ToString().Trim().Length == 0)
            {
                docTitle = m.Groups[2].Value;   // the first H1 names the document
                continue;
            }
            sections.Add((heading, body.ToString()));
            heading = m.Groups[2].Value;
            body.Clear();
        }
        sections.Add((heading, body.ToString()));

        var n = 0;
        foreach (var (h, b) in sections)
        {
            var chunks = Chunker.Split(Clean(b));
            for (var c = 0; c < chunks.Count; c++)
            {
                ct.ThrowIfCancellationRequested();
                n++;
                var title = h.Length == 0 ? docTitle : $"{docTitle} › {h}";
                yield return new KnowledgeRecord
                {
                    Id = RecordIds.For(path, $"s{n}"), Kind = RecordKind.Passage, File = path, Title = title,
                    Source = h.Length == 0 ? name : $"{name} › {h}", Text = chunks[c],
                };
            }
        }
    }

    // Markdown emphasis and table pipes are noise in a chat answer.
    private static string Clean(string s) => s.Replace("**", "").Replace("__", "").Replace("`", "").Trim();
}

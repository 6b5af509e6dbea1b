using UglyToad.PdfPig;
using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Knowledge.Ingestion;

/// <summary>PDF text (PdfPig), page by page; long pages are chunked. Scanned PDFs without a text layer give nothing.</summary>
internal sealed class PdfReader : IRecordReader
{
    public IReadOnlyList<string> Extensions => [".pdf"];

    public IEnumerable<KnowledgeRecord> Read(string path, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        var pages = new List<(int Number, string Text)>();
        string? title;
        try
        {
            using var pdf = PdfDocument.Open(path);
            title = pdf.Information.Title;
            foreach (var page in pdf.GetPages())
            {
                ct.ThrowIfCancellationRequested();
                pages.Add((page.Number, string.Join(' ', page.GetWords().Select(w => w.Text))));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not KnowledgeException)
        {
            throw new KnowledgeException($"{name}：PDF 无法读取（{e.Message}）。", $"{name}: the PDF cannot be read ({e.Message}).");
        }
        var docTitle = string.IsNullOrWhiteSpace(title) ? Path.GetFileNameWithoutExtension(path) : title.Trim();
        foreach (var (number, text) in pages)
        {
            var chunks = Chunker.Split(text);
            for (var c = 0; c < chunks.Count; c++)
                yield return new KnowledgeRecord
                {
                    Id = RecordIds.For(path, $"p{number}c{c + 1}"), Kind = RecordKind.Passage, File = path,
                    Title = $"{docTitle}（第{number}页）", Source = $"{name} 第{number}页", Text = chunks[c],
                };
        }
    }
}

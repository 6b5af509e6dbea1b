using Zhonghan.Knowledge.Ingestion;

namespace Zhonghan.Bot.Knowledge;

/// <summary>A one-line progress bar on a terminal; plain lines (one per file) when the output is redirected.</summary>
public sealed class ProgressBar(TextWriter output)
{
    private const int Width = 30;
    private readonly bool interactive = ReferenceEquals(output, Console.Error) ? !Console.IsErrorRedirected : false;
    private string? lastFile;

    public void Draw(ImportProgress p)
    {
        var fraction = p.FilesTotal == 0 ? 1 : (double)p.FilesDone / p.FilesTotal;
        var name = p.CurrentFile is null ? "" : Path.GetFileName(p.CurrentFile);
        if (!interactive)
        {
            if (p.CurrentFile != lastFile && p.CurrentFile is not null) output.WriteLine($"[{p.FilesDone + 1}/{p.FilesTotal}] {name}");
            lastFile = p.CurrentFile;
            return;
        }
        var filled = (int)Math.Round(fraction * Width);
        var line = $"[{new string('█', filled)}{new string('░', Width - filled)}] {p.FilesDone}/{p.FilesTotal} 文件 · {p.Records:N0} 条 · {name}";
        output.Write("\r" + (line.Length > 100 ? line[..100] : line.PadRight(100)));
    }

    public void Done()
    {
        if (interactive) output.WriteLine();
    }
}

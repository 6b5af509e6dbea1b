using System.Text;

namespace Zhonghan.Knowledge.Ingestion;

/// <summary>
/// Splits long text into passages of about <see cref="Target"/> characters at sentence ends (。！？.!? and line
/// breaks), with one sentence of overlap so that an answer straddling a cut is still found whole once.
/// </summary>
internal static class Chunker
{
    public const int Target = 600;

    public static List<string> Split(string text)
    {
        text = text.Trim();
        if (text.Length <= Target) return text.Length == 0 ? [] : [text];
        var sentences = Sentences(text);
        var chunks = new List<string>();
        var current = new StringBuilder();
        string? last = null;
        foreach (var s in sentences)
        {
            if (current.Length > 0 && current.Length + s.Length > Target)
            {
                chunks.Add(current.ToString().Trim());
                current.Clear();
                if (last is not null && last.Length < Target / 3) current.Append(last);
            }
            current.Append(s);
            last = s;
        }
        if (current.ToString().Trim() is { Length: > 0 } rest && (chunks.Count == 0 || rest != last?.Trim())) chunks.Add(rest);
        return chunks;
    }

    private static List<string> Sentences(string text)
    {
        var list = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c is '。' or '！' or '？' or '\n' || (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (!end && i - start < Target) continue;
            list.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) list.Add(text[start..]);
        return list;
    }
}

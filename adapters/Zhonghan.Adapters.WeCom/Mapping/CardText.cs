using System.Text;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom.Mapping;

/// <summary>Cards and long texts as plain text for WeCom (text messages are limited to 2048 bytes).</summary>
public static class CardText
{
    public const int TextMaxBytes = 2048;

    /// <summary>The whole card as text: nothing of it is lost when a template card cannot hold it.</summary>
    public static string Render(Card card)
    {
        var sb = new StringBuilder();
        sb.Append('【').Append(card.Title).Append('】');
        if (!string.IsNullOrWhiteSpace(card.Subtitle)) sb.Append('\n').Append(card.Subtitle);
        foreach (var f in card.Fields) sb.Append('\n').Append(f.Label).Append('：').Append(f.Value);
        foreach (var line in card.Lines) sb.Append('\n').Append(line);
        if (!string.IsNullOrWhiteSpace(card.Outcome)) sb.Append("\n✅ ").Append(card.Outcome);
        return sb.ToString();
    }

    /// <summary>A reply as text: its text, then its card (for channels without cards, e.g. 微信客服).</summary>
    public static string Render(Reply reply) =>
        reply.Card is null ? reply.Text
        : string.IsNullOrWhiteSpace(reply.Text) ? Render(reply.Card) : reply.Text + "\n\n" + Render(reply.Card);

    /// <summary>Splits text into pieces of at most <paramref name="maxBytes"/> UTF-8 bytes, at line ends where possible.</summary>
    public static IReadOnlyList<string> Split(string text, int maxBytes = TextMaxBytes)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        var currentBytes = 0;
        foreach (var line in text.Split('\n'))
        {
            var lineBytes = Encoding.UTF8.GetByteCount(line) + 1;
            if (currentBytes + lineBytes > maxBytes && current.Length > 0)
            {
                pieces.Add(current.ToString().TrimEnd('\n'));
                current.Clear();
                currentBytes = 0;
            }
            if (lineBytes > maxBytes)
            {
                pieces.AddRange(HardSplit(line, maxBytes));
                continue;
            }
            current.Append(line).Append('\n');
            currentBytes += lineBytes;
        }
        if (current.Length > 0) pieces.Add(current.ToString().TrimEnd('\n'));
        return pieces.Where(p => p.Length > 0).ToList();
    }

    /// <summary>Cuts a long line by bytes, never inside a character (surrogate pairs stay whole).</summary>
    private static IEnumerable<string> HardSplit(string line, int maxBytes)
    {
        var start = 0;
        while (start < line.Length)
        {
            int end = start, bytes = 0;
            while (end < line.Length)
            {
                var len = char.IsHighSurrogate(line[end]) && end + 1 < line.Length ? 2 : 1;
                var b = Encoding.UTF8.GetByteCount(line.AsSpan(end, len));
                if (bytes + b > maxBytes) break;
                bytes += b;
                end += len;
            }
            yield return line[start..end];
            start = end;
        }
    }

    /// <summary>At most <paramref name="max"/> characters, with an ellipsis when cut.</summary>
    public static string Clip(string? text, int max)
    {
        var t = (text ?? "").Trim();
        return t.Length <= max ? t : t[..(max - 1)] + "…";
    }
}

namespace Zhonghan.Core.Understanding;

/// <summary>
/// What is left of a message once the words that carried the intent and the slots are taken out: a reminder's text,
/// a reason. Pieces that are only particles (了, 吧, the, is …) are dropped; the rest is taken as typed, from its
/// first word to its last.
/// </summary>
internal sealed class Remainder(Utterance u)
{
    private readonly bool[] taken = new bool[u.Text.Length];

    public Remainder Take(int start, int length)
    {
        for (var i = Math.Max(0, start); i < Math.Min(taken.Length, start + length); i++) taken[i] = true;
        return this;
    }

    public Remainder Take(Mention? m) => m is null ? this : Take(m.Start, m.Length);

    public Remainder Take(System.Text.RegularExpressions.Regex words)
    {
        foreach (System.Text.RegularExpressions.Match m in words.Matches(u.Lower)) Take(m.Index, m.Length);
        return this;
    }

    /// <summary>The first position not taken (where the words left begin).</summary>
    public int FirstFree => Pieces().Select(p => p.Start).DefaultIfEmpty(u.Text.Length).First();

    public string? Text(ISet<string> particles)
    {
        int first = -1, last = -1;
        foreach (var (start, end) in Pieces())
        {
            var piece = u.Text[start..end].Trim().ToLowerInvariant();
            if (piece.Length == 0 || particles.Contains(piece)) continue;
            if (first < 0) first = start;
            last = end;
        }
        if (first < 0) return null;
        var text = u.Original[first..last].Trim().Trim(',', '，', '。', '.', ':', '：', '-', '—', ';', '；', ' ');
        return text.Length == 0 ? null : text;
    }

    // Runs of text not taken, split at punctuation and spaces.
    private IEnumerable<(int Start, int End)> Pieces()
    {
        var s = u.Text;
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && (taken[i] || Break(s[i]))) i++;
            var start = i;
            while (i < s.Length && !taken[i] && !Break(s[i])) i++;
            if (i > start) yield return (start, i);
        }
    }

    private static bool Break(char c) => char.IsWhiteSpace(c) || c is ',' or '，' or '。' or '.' or ':' or '：' or ';' or '；' or '!' or '！'
        or '-' or '—' or '、';
}

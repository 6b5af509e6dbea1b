using System.Text.RegularExpressions;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Understanding;

/// <summary>
/// Company (and project) words in a sentence, as typed: 汇川 in "今天拜访了汇川的张工", 正泰电器 in "跟正泰电器的采购吃了饭",
/// BMS in "BMS那个单子". A name starts after a word that leads to it (拜访 / 跟 / 给 / 把 / with / at …) or at the
/// start of a clause, and ends where a word that follows names begins (的, 那个, a contact, 打电话, 商机 …).
/// Nothing is looked up: the caller resolves the words.
/// </summary>
internal static partial class CompanyFinder
{
    public static IReadOnlyList<Found> FindAll(Utterance u)
    {
        var s = u.Text;
        var stops = StopPoints(u);
        var starts = new SortedDictionary<int, bool>(); // position → strict (a clause or word start, not after a lead word)
        void Start(int p, bool strict)
        {
            if (p < s.Length && (!starts.TryGetValue(p, out var was) || was)) starts[p] = strict;
        }
        Start(0, true);
        for (var i = 0; i < s.Length; i++)
        {
            if (Separator(s[i])) Start(i + 1, true);
            else if (char.IsAsciiLetterUpper(s[i]) && (i == 0 || !char.IsAsciiLetter(s[i - 1]))) Start(i, true);
        }
        foreach (Match m in LeadChinese().Matches(s))
            if (!(AfterAt().Match(s, m.Index) is { Success: true } a && a.Index == m.Index && a.Length > m.Length)) Start(m.Index + m.Length, false);
        foreach (Match m in LeadEnglish().Matches(s)) Start(m.Index + m.Length, false);

        var found = new List<Found>();
        foreach (var (p, strict) in starts)
        {
            var at = strict ? SkipFillers(u, p) : SkipSpaces(s, p);
            if (at != p && starts.ContainsKey(at)) continue; // the filler led to a start of its own
            if (strict && LeadChinese().Match(s, at) is { Success: true } lead && lead.Index == at) continue; // 联系了德尔能: the lead word's start covers it
            if (Take(u, at, strict, stops) is not Found f || found.Any(x => f.Start < x.End && x.Start < f.End)) continue;
            found.AddRange(Classify(u, f));
        }
        return found.OrderBy(f => f.Start).ToList();
    }

    private static bool Separator(char c) => c is ',' or '，' or '。' or '.' or ';' or '；' or '!' or '！' or '?' or '？' or ':' or '：' or '、'
        or '\n' or ' ' or '\t' or '-' or '—';

    private static bool Cjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static int SkipSpaces(string s, int p)
    {
        while (p < s.Length && char.IsWhiteSpace(s[p])) p++;
        return p;
    }

    /// <summary>Past what opens a clause without being a name: dates, 帮我/刚/我, kind words (电话 科华数据 …).</summary>
    private static int SkipFillers(Utterance u, int p)
    {
        while (true)
        {
            p = SkipSpaces(u.Text, p);
            var date = u.Dates.FirstOrDefault(d => d.Start == p);
            if (date is not null) { p = date.End; continue; }
            var m = Filler().Match(u.Text, p);
            if (m.Success && m.Length > 0) { p += m.Length; continue; }
            return p;
        }
    }

    private static Found? Take(Utterance u, int p, bool strict, bool[] stops)
    {
        var s = u.Text;
        if (p >= s.Length || stops[p]) return null;
        if (char.IsAsciiLetter(s[p])) return TakeLatin(s, p);
        if (!Cjk(s[p])) return null;
        var j = p + 1;
        while (j < s.Length && Cjk(s[j]) && !stops[j]) j++;
        // 美的的采购, 谁负责美的: a 的 before another 的 or ending the clause is the name's own.
        if (j < s.Length && s[j] == '的' && (j + 1 == s.Length || s[j + 1] == '的' || Separator(s[j + 1]))) j++;
        while (j - p > 2 && "了吧啊呢呀哦".Contains(s[j - 1])) j--;
        var word = s[p..j];
        var owner = u.Contacts.Any(c => c.Start == j || c.Start == j + 1 && s[j] == '的');
        return Valid(word, strict, owner) ? new Found(p, j - p, FoundKind.Company) : null;
    }

    private static Found? TakeLatin(string s, int p)
    {
        var m = LatinName().Match(s, p);
        if (!m.Success || m.Index != p) return null;
        var word = m.Groups["w"].Value;
        if (NameWords.EnglishNotNames.Contains(word) || word.Any(char.IsAsciiDigit)) return null;
        return new Found(p, word.Length, FoundKind.Company);
    }

    /// <summary><paramref name="owner"/>: a contact follows (易事特的采购), so the word is a company even if it reads like a name.</summary>
    private static bool Valid(string word, bool strict, bool owner = false)
    {
        if (word.Length is < 2 or > 14 || NameWords.NotNames.Contains(word) || word.IndexOfAny(['吗', '呢', '么', '啥']) >= 0) return false;
        if (word.Contains("客户", StringComparison.Ordinal) || Counted().IsMatch(word)) return false; // 三家客户, 两个项目
        if (NameWords.NotNameStarts.Any(x => word.StartsWith(x, StringComparison.Ordinal))) return false;
        if (!owner && LeadText.LooksLikeContact(word) || "上里中内".Contains(word[^1]) || word.EndsWith("阶段", StringComparison.Ordinal)) return false;
        var regionFirst = CompanyName.CoreKey(word).Length < CompanyName.Key(word).Length;
        return !strict || regionFirst || !NameWords.VerbStarts.Contains(word[0]);
    }

    /// <summary>A project word is a deal (BMS); a name ending in one is a company and a deal (阳光电源储能).</summary>
    private static IEnumerable<Found> Classify(Utterance u, Found f)
    {
        var word = u.Text.Substring(f.Start, f.Length);
        if (NameWords.IsProject(word)) { yield return f with { Kind = FoundKind.Project }; yield break; }
        if (NameWords.ProjectSuffix(word) is string project && DealAfter().IsMatch(u.Text[f.End..]))
        {
            yield return new Found(f.Start, f.Length - project.Length, FoundKind.Company);
            yield return new Found(f.End - project.Length, project.Length, FoundKind.Project);
            yield break;
        }
        yield return f;
    }

    /// <summary>Where a Chinese name must end: a following word, a contact, a date, a part number.</summary>
    private static bool[] StopPoints(Utterance u)
    {
        var s = u.Text;
        var stops = new bool[s.Length + 1];
        foreach (Match m in After().Matches(s)) stops[m.Index] = true;
        foreach (var c in u.Contacts) stops[c.Start] = true;
        foreach (var d in u.Dates) stops[d.Start] = true;
        return stops;
    }
}

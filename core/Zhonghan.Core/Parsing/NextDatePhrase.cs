using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Zhonghan.Core.Parsing;

/// <summary>
/// A next date written at the end of a follow-up note without the word 下次: "电话沟通，下周三再联系",
/// "报价已发，月底前回复", "过两天再跟进", "下周一再约", "call again next wed". The note itself keeps the words.
/// Without 再 / 前 the day must be after today: "今天拜访" reports a visit, it plans none.
/// <see cref="TryFindIn"/> looks through a whole sentence ("今天拜访了汇川的张工，…，下周三再跟进"), by the same rules.
/// </summary>
public static partial class NextDatePhrase
{
    public static bool TryFind(string note, TimeProvider clock, [NotNullWhen(true)] out string? dateText, [NotNullWhen(true)] out DateReading? reading)
    {
        dateText = null;
        reading = null;
        var clause = Clauses().Split(note.Trim()).LastOrDefault(c => c.Trim().Length > 0)?.Trim() ?? "";
        var m = Chinese().Match(clause);
        if (!m.Success) m = English().Match(clause);
        if (!m.Success) return false;
        // The date is the longest tail of what stands before the verb that reads as one ("拜访王工 过两天" → 过两天).
        var before = m.Groups["date"].Value.Trim();
        for (var start = Math.Max(0, before.Length - MaxDateLength); start < before.Length; start++)
        {
            var text = before[start..].Trim();
            if (text.Length == 0 || !DateParser.TryParse(text, DatePurpose.Plan, clock, out reading)) continue;
            if (!m.Groups["again"].Success && reading.Date.LocalDay <= Time.BusinessTime.Today(clock)) return false;
            dateText = text;
            return true;
        }
        return false;
    }

    private const int MaxDateLength = 16;

    /// <summary>
    /// The next date anywhere in a sentence: a date followed by a follow-up verb (下周三再跟进, 周四上门拜访, 月底前回复,
    /// 明早再打个电话), after 约了 or 下次, or in English after "follow up", "call again", "try again". A date followed by
    /// anything else (报价下周给, 下礼拜下单) is what the customer said, not a plan. The last such date wins.
    /// </summary>
    public static bool TryFindIn(string text, TimeProvider clock, [NotNullWhen(true)] out FoundDate? found) =>
        TryFindIn(text, clock.GetUtcNow(), out found);

    public static bool TryFindIn(string text, DateTimeOffset now, [NotNullWhen(true)] out FoundDate? found) =>
        TryFindIn(text, DateFinder.FindAll(text, DatePurpose.Plan, now), now, out found);

    /// <summary>The same over dates already found in <paramref name="text"/> (a caller that needs them anyway).</summary>
    public static bool TryFindIn(string text, IReadOnlyList<FoundDate> dates, DateTimeOffset now, [NotNullWhen(true)] out FoundDate? found)
    {
        found = null;
        var today = DateOnly.FromDateTime(Time.BusinessTime.ToLocal(now.UtcDateTime));
        foreach (var date in dates)
        {
            var after = AfterDate().Match(text[date.End..]);
            var before = text[..date.Start];
            var english = EnglishBefore().IsMatch(before);
            var planned = after.Success || english || PlanBefore().IsMatch(before);
            var again = after.Groups["again"].Success || english || date.Text.EndsWith('前');
            var day = date.Reading.Date.LocalDay;
            if (planned && (again ? day >= today : day > today)) found = date;
        }
        return found is not null;
    }

    [GeneratedRegex(@"[，,。；;！!]+")]
    private static partial Regex Clauses();

    private const string Verbs =
        "联系|跟进|约|拜访|沟通|回复|回访|答复|确认|见面|碰面|打个电话|打电话|通电话|回个电话|回电话|电话|发邮件|汇报|聊|谈|上门|见|过去|去一趟|去|打";

    [GeneratedRegex(@"^(?<date>.+?)\s*(?<again>再次|再|前)?\s*(?:" + Verbs + @")(?:一下|下)?[吧。.!！]?$")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^\s*(?<again>再次|再)?\s*(?:" + Verbs + ")")]
    private static partial Regex AfterDate();

    [GeneratedRegex(@"(?:约了?|下次跟进|下次)\s*[:：]?\s*$")]
    private static partial Regex PlanBefore();

    [GeneratedRegex(@"\b(?:follow(?:\s|-)?up|call\s+(?:again|back)|try\s+again|meet\s+again|visit\s+again|check\s+back|next\s+(?:call|visit|follow-?up))\s+(?:on\s+|by\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishBefore();

    [GeneratedRegex(@"^(?:follow\s*up|call|contact|meet|visit|reply|check)(?<again>\s+(?:again|back))?\s+(?<date>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex English();
}

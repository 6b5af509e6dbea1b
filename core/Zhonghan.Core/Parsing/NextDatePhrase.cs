using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Zhonghan.Core.Parsing;

/// <summary>
/// A next date written at the end of a follow-up note without the word 下次: "电话沟通，下周三再联系",
/// "报价已发，月底前回复", "过两天再跟进", "下周一再约", "call again next wed". The note itself keeps the words.
/// Without 再 / 前 the day must be after today: "今天拜访" reports a visit, it plans none.
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

    [GeneratedRegex(@"[，,。；;！!]+")]
    private static partial Regex Clauses();

    [GeneratedRegex(@"^(?<date>.+?)\s*(?<again>再次|再|前)?\s*(?:联系|跟进|约|拜访|沟通|回复|回访|答复|确认|见面|碰面|电话|打电话|通电话|发邮件|汇报|聊)(?:一下|下)?[吧。.!！]?$")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^(?:follow\s*up|call|contact|meet|visit|reply|check)(?<again>\s+(?:again|back))?\s+(?<date>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex English();
}

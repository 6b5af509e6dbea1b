using System.Text.RegularExpressions;

namespace Zhonghan.Core.Understanding;

/// <summary>How a message opens, when that decides the intent: a command word (or a typo of one) or a request to record.</summary>
/// <param name="RestStart">Where the words after the command word (or the record request) begin.</param>
/// <param name="Command">True for a command word: its words follow the command's order (company first).</param>
internal sealed record Lead(Intent Intent, double Confidence, int RestStart, bool Command);

internal static partial class CommandLeads
{
    // The command words a free-text reader may meet (a typo, or a command the command route let through).
    private static readonly (string Word, Intent Intent)[] Words =
    [
        ("新建线索", Intent.NewLead), ("新线索", Intent.NewLead), ("建线索", Intent.NewLead), ("添加线索", Intent.NewLead),
        ("退回公海", Intent.ReturnToPool), ("退公海", Intent.ReturnToPool), ("退回", Intent.ReturnToPool),
        ("今日待办", Intent.ListToday), ("待办", Intent.ListToday), ("我的线索", Intent.ListMyLeads), ("我的客户", Intent.ListMyLeads),
        ("我的商机", Intent.ListMyDeals), ("销售漏斗", Intent.ListPipeline), ("漏斗", Intent.ListPipeline), ("业绩", Intent.ListPay),
        ("写跟进", Intent.LogFollowUp), ("记跟进", Intent.LogFollowUp), ("跟进", Intent.LogFollowUp), ("推进", Intent.AdvanceDeal),
        ("丢单", Intent.LoseDeal), ("查客户", Intent.AskStatus), ("看客户", Intent.AskStatus), ("客户", Intent.AskStatus),
        ("帮助", Intent.Help), ("菜单", Intent.Help),
    ];

    // Words under four characters are too close to other words for a general one-letter typo (推进 ~ 推荐, 丢单 ~ 下单,
    // 查客户 ~ 新客户); these are the pinyin-input slips reps make of 跟进.
    private static readonly string[] FollowUpTypos = ["根进", "跟近", "跟紧", "更进", "艮进", "跟劲", "根近"];

    public static Lead? Match(Utterance u)
    {
        var record = Cues.RecordRequest().Match(u.Lower);
        if (record.Success && record.Length > 0 && record.Length < u.Text.Length) return new Lead(Intent.LogFollowUp, 0.9, record.Length, false);
        var first = FirstWord().Match(u.Text);
        if (!first.Success) return null;
        var word = first.Groups["w"].Value;
        var rest = first.Index + first.Length;
        foreach (var (w, intent) in Words)
            if (word == w) return new Lead(intent, 0.95, rest, true);
        if (FollowUpTypos.Contains(word)) return new Lead(Intent.LogFollowUp, 0.75, rest, true);
        foreach (var (w, intent) in Words)
            if (w.Length >= 4 && OneSubstitution(word, w)) return new Lead(intent, 0.75, rest, true);
        return null;
    }

    private static bool OneSubstitution(string a, string b)
    {
        if (a.Length != b.Length) return false;
        var diff = 0;
        for (var i = 0; i < a.Length && diff < 2; i++) if (a[i] != b[i]) diff++;
        return diff == 1;
    }

    // The first word: up to a space or a colon, or the whole message.
    [GeneratedRegex(@"^\s*(?<w>[^\s:：,，]+)(?:\s*[:：]\s*|\s+|$)")]
    private static partial Regex FirstWord();
}

using System.Text.RegularExpressions;
using Zhonghan.Core.Sales;

namespace Zhonghan.Core.Understanding;

/// <summary>
/// Returning to the pool, losing and advancing a deal: the customer (or the deal), the reason (what is left once
/// the customer and the words of the intent are taken out), the stage.
/// </summary>
internal static partial class DealReader
{
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "了", "吧", "啊", "的", "那个", "这个", "the", "a", "is", "deal", "we", "原因", "因为", "because", "reason", "和", "也", "就",
    };

    public static Meaning Read(Utterance u, Lead? lead, Intent intent)
    {
        Mention? customer, deal = null;
        if (lead is { Command: true }) customer = Subjects.FirstWord(u, lead.RestStart);
        else (customer, deal) = Subjects.Of(u);
        var m = new Meaning { Text = u.Original, Customer = customer, Deal = intent.TakesDeal() ? deal : null };
        if (intent == Intent.AdvanceDeal) return m with { Stage = StageOf(u.Lower) };

        var rest = new Remainder(u).Take(customer).Take(deal);
        if (lead is { Command: true }) rest.Take(0, lead.RestStart);
        foreach (var s in new[] { customer, deal })
            if (s is not null && DealAfter().Match(u.Text, s.End) is { Success: true } d && d.Index == s.End) rest.Take(d.Index, d.Length);
        rest.Take(Leading());
        if (intent == Intent.ReturnToPool) rest.Take(PoolWords());
        else if (Cues.Lose().Match(u.Lower) is { Success: true } lose && !lose.Value.StartsWith('被')) rest.Take(lose.Index, lose.Length);
        return m with { Reason = rest.Text(Particles) };
    }

    private static Stage? StageOf(string lower)
    {
        var m = StageWord().Match(lower);
        if (!m.Success) return null;
        return m.Groups["s"].Value switch
        {
            "需求挖掘" => Stage.Discovery,
            "询报价" or "询价" or "报价" or "quote" or "quoting" => Stage.Quote,
            "申样" or "样品" or "送样" or "sample" or "samples" => Stage.Sample,
            "测试" or "testing" or "test" => Stage.Testing,
            _ => Stage.Order,
        };
    }

    [GeneratedRegex(@"(?:推进到|推到|进入到|进入|转到|转|到|可以|能|\bto\b)\s*(?<s>需求挖掘|询报价|询价|报价|申样|样品|送样|测试|发起订单|下单|订单|quote|quoting|samples?|testing|test|order)")]
    private static partial Regex StageWord();

    // The deal words right after the customer: 海康那个单子, 正泰的商机, the Hikvision deal.
    [GeneratedRegex(@"\G\s*(?:那个|这个|的)?\s*(?:商机|单子|项目|订单|deal)?")]
    private static partial Regex DealAfter();

    [GeneratedRegex(@"^\s*(?:把|将|帮我把|帮我)|那个客户|这个客户|原因\s*[:：]?|因为|\bbecause\b|\breason\s*[:：]?")]
    private static partial Regex Leading();

    [GeneratedRegex(@"(?:退回|退会|退到|退|放回|放到|放|扔回|扔到|扔|转到|转|移到|丢回|丢到)?公海(?:池|里)?|不要了|放弃(?:这个)?客户|\breturn\b|\bput\b|\bback\b|(?:in|into|to)\s+(?:the\s+)?(?:public\s+)?pool")]
    private static partial Regex PoolWords();
}

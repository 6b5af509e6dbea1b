using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

/// <summary>The small values sales commands take, read by the core parsers (a bad one throws their Chinese message).</summary>
public static class SalesText
{
    public static decimal Amount(string text) => AmountParser.Parse(text).OrThrow();

    public static decimal Price(string text) => PriceParser.Parse(text).OrThrow();

    public static long Quantity(string text) => QuantityParser.Parse(text).OrThrow();

    /// <summary>"Q12", "q12", "#12", "12" → 12 for the given document kind (Q12 where an order is expected is refused).</summary>
    public static int Number(string text, CodeKind kind) => CodeParser.Parse(text, kind).OrThrow().Number;

    public static string Path(Opportunity o)
    {
        var at = Array.IndexOf(Stages.Pipeline, o.Stage);
        if (o.Stage == Stage.Won) at = Stages.Pipeline.Length;
        if (o.Stage == Stage.Lost) at = o.History.Count > 0 ? Array.IndexOf(Stages.Pipeline, o.History[^1].From) : 0;
        var parts = Stages.Pipeline.Select((s, i) => i < at ? $"{s.Chinese()}✓" : i == at ? $"【{s.Chinese()}】" : s.Chinese());
        var path = string.Join(" → ", parts);
        return o.Stage switch { Stage.Won => path + " → 【赢单】", Stage.Lost => path + $" ✗ 丢单（{o.LostReason}）", _ => path };
    }
}

namespace Zhonghan.Core.Conversations;

public static class Cards
{
    /// <summary>A plain-text rendering of a card, for channels (and logs) without cards.</summary>
    public static string ToText(Card card)
    {
        var lines = new List<string> { card.Title };
        if (card.Subtitle is not null) lines.Add(card.Subtitle);
        lines.AddRange(card.Fields.Select(f => $"{f.Label}：{f.Value}"));
        lines.AddRange(card.Lines);
        if (card.Outcome is not null) lines.Add(card.Outcome);
        return string.Join("\n", lines);
    }
}

using Zhonghan.Core.Conversations;

namespace Zhonghan.Core.Reminders;

/// <summary>
/// One thing to tell one user now: a line for a combined message, a card for when it is alone, and how to mark it
/// as told (run in the same transaction that records the message).
/// </summary>
public sealed class ReminderItem
{
    public required int UserId { get; init; }
    /// <summary>Stable identity of what is reminded (e.g. "fu:12:638...") — part of the message key.</summary>
    public required string Key { get; init; }
    public required string Line { get; init; }
    public required Card Card { get; init; }
    public required Action Mark { get; init; }
    public bool Late { get; init; }
}

/// <summary>Several items for one user become one message: their card when alone, else a list with a button each.</summary>
public static class ReminderMessages
{
    public static Reply Combine(string title, IReadOnlyList<ReminderItem> items)
    {
        if (items.Count == 1)
        {
            var card = items[0].Card;
            return Reply.WithCard(Cards.ToText(card), card);
        }
        var list = new Card { Title = $"{title}（{items.Count} 项）", Lines = items.Select((x, i) => $"{i + 1}. {x.Line}").ToList() };
        // WeCom cards carry at most six buttons: the first five open their item; the rest are listed above.
        foreach (var (item, i) in items.Take(5).Select((x, i) => (x, i)))
            if (item.Card.Actions.FirstOrDefault(a => a.Id == "cmd" && a.Payload.GetValueOrDefault("text", "").StartsWith("客户 ", StringComparison.Ordinal)) is { } open)
                list.Actions.Add(CardAction.Command($"{i + 1}.{Customers.CompanyName.Short(item.Card.Title.Split('：').Last())}", open.Payload["text"]));
        return Reply.WithCard(Cards.ToText(list), list);
    }
}

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
    public const int MaxLines = 15;

    public static Reply Combine(string title, IReadOnlyList<ReminderItem> items, ICommandWords words)
    {
        if (items.Count == 1)
        {
            var card = items[0].Card;
            return Reply.WithCard(Cards.ToText(card), card);
        }
        // A long list stays one readable message: the first lines, and where to see the rest.
        var list = new Card { Title = $"{title}（{items.Count} 项）", Lines = items.Take(MaxLines).Select((x, i) => $"{i + 1}. {x.Line}").ToList() };
        if (items.Count > MaxLines) list.Lines.Add($"…另有 {items.Count - MaxLines} 项，发送“{words.Text(new CommandIntent(ActionKind.Today))}”查看全部");
        // WeCom cards carry at most six buttons: the first five open their item; the rest are listed above.
        foreach (var (item, i) in items.Take(5).Select((x, i) => (x, i)))
            if (item.Card.Actions.FirstOrDefault(a => a.Intent?.Kind == ActionKind.OpenCustomer) is { Intent: { } open })
                list.Actions.Add(CardAction.Run($"{i + 1}.{Customers.CompanyName.Short(item.Card.Title.Split('：').Last())}", open));
        return Reply.WithCard(Cards.ToText(list), list);
    }
}

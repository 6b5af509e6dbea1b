namespace Zhonghan.Core.Reminders;

/// <summary>
/// Turns items into one message per person and records the messages and the items' marks in the caller's unit of
/// work — the unit that also read the items, so a mark never overwrites a change made since.
/// </summary>
public sealed class ReminderBatcher(DeliveryQueue queue, Conversations.ICommandWords words)
{
    /// <returns>How many messages were recorded.</returns>
    public int Record(DateTime now, IEnumerable<(string Title, IReadOnlyList<ReminderItem> Items)> groups)
    {
        var messages = 0;
        foreach (var (title, items) in groups)
            foreach (var perUser in items.GroupBy(i => i.UserId))
            {
                var list = perUser.ToList();
                var id = $"{title}:{perUser.Key}:{now:yyyyMMddHHmm}:{Hash(list)}";
                if (queue.Enqueue(id, perUser.Key, title, [ReminderMessages.Combine(title, list, words)])) messages++;
                foreach (var item in list) item.Mark();
            }
        return messages;
    }

    private static string Hash(IEnumerable<ReminderItem> items)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join("|", items.Select(i => i.Key)));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..12];
    }
}

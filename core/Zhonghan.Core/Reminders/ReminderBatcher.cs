using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Reminders;

/// <summary>Turns items into one message per person and records messages and marks in one transaction.</summary>
public sealed class ReminderBatcher(CrmDb db, DeliveryQueue queue)
{
    /// <returns>How many messages were recorded.</returns>
    public int Record(DateTime now, IEnumerable<(string Title, IReadOnlyList<ReminderItem> Items)> groups, Action? alsoInTransaction = null)
    {
        var messages = 0;
        db.InTransaction(() =>
        {
            foreach (var (title, items) in groups)
                foreach (var perUser in items.GroupBy(i => i.UserId))
                {
                    var list = perUser.ToList();
                    var id = $"{title}:{perUser.Key}:{now:yyyyMMddHHmm}:{Hash(list)}";
                    if (queue.Enqueue(id, perUser.Key, title, [ReminderMessages.Combine(title, list)])) messages++;
                    foreach (var item in list) item.Mark();
                }
            alsoInTransaction?.Invoke();
        });
        return messages;
    }

    private static string Hash(IEnumerable<ReminderItem> items)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join("|", items.Select(i => i.Key)));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..12];
    }
}

namespace Zhonghan.Core.Reminders;

/// <summary>Ad-hoc reminders and the durable delivery queue of proactive messages.</summary>
public interface IReminderStore
{
    Reminder? Get(int id);
    /// <summary>A user's reminders in one status, by due time.</summary>
    IReadOnlyList<Reminder> OfUser(int userId, ReminderStatus status, int limit);
    /// <summary>Reminders due in [from, to], any status, by due time.</summary>
    IReadOnlyList<Reminder> DueBetween(DateTime fromUtc, DateTime toUtc, int limit);
    void Add(Reminder reminder);
    void Save(Reminder reminder);

    Delivery? Delivery(string id);
    /// <summary>Pending deliveries, oldest first.</summary>
    IReadOnlyList<Delivery> Pending(int limit);
    /// <summary>
    /// Pending deliveries, oldest first, that no other sender holds: each is held by <paramref name="owner"/> for
    /// <paramref name="lease"/> (several instances on one store: one sender per item; a dead sender's lease lapses).
    /// </summary>
    IReadOnlyList<Delivery> ClaimPending(int limit, string owner, TimeSpan lease);
    void Add(Delivery delivery);
    void Save(Delivery delivery);
    /// <summary>Forgets deliveries sent before <paramref name="beforeUtc"/>.</summary>
    int PurgeSent(DateTime beforeUtc);
}

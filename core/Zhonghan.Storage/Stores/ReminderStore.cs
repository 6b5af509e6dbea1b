using Zhonghan.Core.Reminders;
using Zhonghan.Storage.Documents;
using static Zhonghan.Storage.Documents.Keys;
using S = Zhonghan.Storage.Schema.ConversationSets;

namespace Zhonghan.Storage.Stores;

internal sealed class ReminderStore(Documents.Documents docs) : IReminderStore
{
    public Reminder? Get(int id) => docs.Get(S.Reminders, id);

    public IReadOnlyList<Reminder> OfUser(int userId, ReminderStatus status, int limit) =>
        docs.Range(S.Reminders, S.Reminders["User"], Prefix(Int(userId), status.ToString()), 0, limit);

    public IReadOnlyList<Reminder> DueBetween(DateTime fromUtc, DateTime toUtc, int limit) =>
        docs.Range(S.Reminders, S.Reminders["Due"], new KeyRange(Time(fromUtc), Time(toUtc)), 0, limit);

    public void Add(Reminder reminder) => docs.Insert(S.Reminders, reminder);

    public void Save(Reminder reminder) => docs.Update(S.Reminders, reminder);

    public Delivery? Delivery(string id) => docs.Get(S.Deliveries, id);

    public IReadOnlyList<Delivery> Pending(int limit) => docs.Range(S.Deliveries, S.Deliveries["Pending"], new KeyRange("", Last), 0, limit);

    public IReadOnlyList<Delivery> ClaimPending(int limit, string owner, TimeSpan lease) =>
        docs.Engine.Claim(S.Deliveries, S.Deliveries["Pending"], new KeyRange("", Last), limit, owner, lease).Select(s => (Delivery)s.Doc).ToList();

    public void Add(Delivery delivery) => docs.Insert(S.Deliveries, delivery);

    public void Save(Delivery delivery) => docs.Update(S.Deliveries, delivery);

    public int PurgeSent(DateTime beforeUtc) =>
        docs.DeleteRange(S.Deliveries, S.Deliveries["Sent"], new KeyRange("", Time(beforeUtc)));
}

using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Reminders;

public enum ReminderStatus { Pending, Sent, Cancelled }

/// <summary>An ad-hoc reminder (提醒 &lt;公司&gt; &lt;时间&gt; &lt;内容&gt;).</summary>
public sealed class Reminder
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public int? CustomerId { get; set; }
    public string? CustomerName { get; set; }
    public string Text { get; set; } = "";
    public DateTime DueAt { get; set; }
    public bool DateOnly { get; set; }
    public ReminderStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Ad-hoc reminders: create, list, cancel, and the due ones for the minute scan.</summary>
public sealed class AdHocReminders(IReminderStore reminders, QuietHours quiet, ReminderOptions options, AuditLog audit, TimeProvider clock)
{
    public Reminder Add(Actor actor, Customer? customer, ResolvedDate due, string text)
    {
        text = text.Trim();
        if (text.Length is 0 or > 500) throw new CrmException("提醒内容需要 1 到 500 个字。", "The reminder text needs 1–500 characters.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (due.Utc < now && !(due.DateOnly && due.LocalDay >= BusinessTime.Today(clock)))
            throw new CrmException($"提醒时间 {due.Describe()} 已经过去了。", "That time is in the past.");
        var r = new Reminder
        {
            UserId = actor.User.Id, CustomerId = customer?.Id, CustomerName = customer?.Company, Text = text,
            DueAt = due.Utc < now ? now : due.Utc, DateOnly = due.DateOnly, CreatedAt = now,
        };
        reminders.Add(r);
        audit.Record(actor, "reminder.add", customer is null ? null : $"customer:{customer.Id}", $"提醒 {due.Describe()}：{text}");
        return r;
    }

    public IReadOnlyList<Reminder> PendingOf(User user) =>
        reminders.OfUser(user.Id, ReminderStatus.Pending, 500);

    public Reminder Cancel(Actor actor, int id)
    {
        var r = reminders.Get(id);
        if (r is null || r.UserId != actor.User.Id) throw new CrmException($"没有编号为 {id} 的提醒。", $"No reminder {id}.");
        if (r.Status != ReminderStatus.Pending) throw new CrmException($"提醒 {id} 已{(r.Status == ReminderStatus.Sent ? "发送" : "取消")}。", $"Reminder {id} is {r.Status}.");
        r.Status = ReminderStatus.Cancelled;
        reminders.Save(r);
        audit.Record(actor, "reminder.cancel", null, $"取消提醒 {id}");
        return r;
    }

    /// <summary>Reminders due by <paramref name="now"/> (after quiet hours), as items for the owner.</summary>
    public IReadOnlyList<ReminderItem> Due(DateTime now)
    {
        var from = now.AddDays(-options.CatchUpDays);
        var items = new List<ReminderItem>();
        foreach (var r in reminders.DueBetween(from, now, 10_000).Where(r => r.Status == ReminderStatus.Pending))
        {
            var deliverAt = quiet.DeliverAt(r.DueAt);
            if (deliverAt > now) continue;
            var late = (now - deliverAt).TotalMinutes > options.LateAfterMinutes;
            var when = BusinessTime.Describe(r.DueAt, r.DateOnly);
            var card = new Card
            {
                Title = $"⏰ 提醒：{r.Text}",
                Subtitle = late ? $"⚠️ 补发（原定 {FollowUpReminders.Short(r.DueAt, r.DateOnly)}，当时未在线）" : when,
                Fields = r.CustomerName is null ? [] : [new("客户", r.CustomerName)],
                Actions = r.CustomerId is int cid ? [CardAction.Run("查看客户", CommandIntent.OfCustomer(ActionKind.OpenCustomer, cid)), CardAction.Run("记跟进", CommandIntent.OfCustomer(ActionKind.LogFollowUp, cid))] : [],
            };
            var reminder = r;
            items.Add(new ReminderItem
            {
                UserId = r.UserId, Key = $"rem:{r.Id}", Line = $"⏰ {r.Text}{(r.CustomerName is null ? "" : "（" + CompanyName.Short(r.CustomerName) + "）")}", Card = card, Late = late,
                Mark = () => { reminder.Status = ReminderStatus.Sent; reminders.Save(reminder); },
            });
        }
        return items;
    }
}

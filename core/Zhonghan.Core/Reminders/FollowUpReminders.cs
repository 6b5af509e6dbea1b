using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Storage;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Reminders;

/// <summary>
/// Follow-up plans that fell due (for the owner) and plans overdue by N days (for the manager, once). Each scan reads
/// one index range since the last scan (with a small overlap); quiet hours hold items back until 08:30.
/// </summary>
public sealed class FollowUpReminders(ICounterStore counters, CustomerService customers, UserDirectory users, QuietHours quiet, ReminderOptions options, TimeProvider clock)
{
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);

    public IReadOnlyList<ReminderItem> Due(DateTime now) => Scan("wm|followup", now, now, forOwner: true);

    public IReadOnlyList<ReminderItem> Overdue(DateTime now) =>
        options.EscalateAfterDays <= 0 ? [] : Scan("wm|escalate", now, now.AddDays(-options.EscalateAfterDays), forOwner: false);

    private readonly Dictionary<string, DateTime> nextWatermarks = new();

    /// <summary>Advances the scans' watermarks: call in the transaction that records the items (one scanner at a time).</summary>
    public void SaveWatermarks()
    {
        foreach (var (id, value) in nextWatermarks)
        {
            var counter = counters.Get(id) ?? new Counter { Id = id };
            counter.Value = value.Ticks;
            counter.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            counters.Save(counter);
        }
        nextWatermarks.Clear();
    }

    private List<ReminderItem> Scan(string watermark, DateTime now, DateTime until, bool forOwner)
    {
        var stored = counters.Get(watermark);
        var floor = until.AddDays(-options.CatchUpDays);
        var from = stored is null ? floor : new DateTime(Math.Max(stored.Value, floor.Ticks), DateTimeKind.Utc);
        var items = new List<ReminderItem>();
        DateTime? held = null;
        // Late = it should have gone out after the last scan but the bot was not running then (never on a first scan).
        DateTime? lastScan = stored is null ? null : new DateTime(stored.Value, DateTimeKind.Utc);
        foreach (var c in customers.DueBetween(from - Overlap, until.AddSeconds(1)))
        {
            if (c.OwnerId is not int ownerId || c.NextFollowUpAt is not DateTime due) continue;
            if (forOwner ? c.ReminderSentFor == due : c.EscalatedFor == due) continue;
            var at = forOwner ? due : due.AddDays(options.EscalateAfterDays);
            var deliverAt = quiet.DeliverAt(at);
            if (deliverAt > now) { held = held is DateTime h && h < due ? h : due; continue; }
            var late = lastScan is DateTime last && deliverAt > last && (now - deliverAt).TotalMinutes > options.LateAfterMinutes;
            if (forOwner) items.Add(OwnerItem(c, ownerId, due, late));
            else items.AddRange(users.ManagersOf(c.DepartmentId).Select(m => ManagerItem(c, m, due, now)));
        }
        nextWatermarks[watermark] = held ?? until;
        return items;
    }

    private ReminderItem OwnerItem(Customer c, int ownerId, DateTime due, bool late)
    {
        var when = BusinessTime.Describe(due, c.NextFollowUpDateOnly);
        var owner = users.Get(ownerId);
        var card = new Card
        {
            Title = $"跟进提醒：{c.Company}",
            Subtitle = late ? $"⚠️ 补发（原定 {Short(due, c.NextFollowUpDateOnly)}，当时未在线）" : null,
            Fields = [new("计划跟进", when), new("上次跟进", c.LastFollowUpAt is DateTime l ? BusinessTime.Describe(l, true) : "无")],
            Actions =
            [
                CardAction.Run("完成", CommandIntent.OfCustomer(ActionKind.LogFollowUp, c.Id), CardActionStyle.Primary),
                CardAction.Run("推迟 1天", CommandIntent.OfCustomer(ActionKind.PlanFollowUp, c.Id, "明天")),
                CardAction.Run("推迟 3天", CommandIntent.OfCustomer(ActionKind.PlanFollowUp, c.Id, "3天后")),
                CardAction.Run("下周", CommandIntent.OfCustomer(ActionKind.PlanFollowUp, c.Id, "下周一")),
                CardAction.Run("查看", CommandIntent.OfCustomer(ActionKind.OpenCustomer, c.Id)),
            ],
        };
        if (c.Contacts.FirstOrDefault() is { } k) card.Fields.Add(new("联系人", $"{k.Name} {k.Phone}".Trim()));
        if (owner?.Role == Role.Manager) card.Actions.Add(CardAction.Run("转给", CommandIntent.OfCustomer(ActionKind.Reassign, c.Id)));
        return new ReminderItem
        {
            UserId = ownerId, Key = $"fu:{c.Id}:{due.Ticks}", Line = $"{CompanyName.Short(c.Company)} {Short(due, c.NextFollowUpDateOnly)}{(late ? "（补发）" : "")}", Card = card, Late = late,
            Mark = () => { c.ReminderSentFor = due; customers.Store.Save(c); },
        };
    }

    /// <summary>"11-30" or "11-30 14:00": short enough for a card line.</summary>
    internal static string Short(DateTime utc, bool dateOnly)
    {
        var local = BusinessTime.ToLocal(utc);
        return dateOnly ? $"{local:MM-dd}" : $"{local:MM-dd HH:mm}";
    }

    private ReminderItem ManagerItem(Customer c, User manager, DateTime due, DateTime now)
    {
        var days = (int)Math.Floor((now - due).TotalDays);
        var owner = c.OwnerId is int o ? users.Get(o)?.Name ?? "?" : "?";
        var card = new Card
        {
            Title = $"逾期跟进：{c.Company}",
            Fields = [new("负责人", owner), new("计划跟进", BusinessTime.Describe(due, c.NextFollowUpDateOnly)), new("已逾期", $"{days} 天")],
            Actions = [CardAction.Run("转给", CommandIntent.OfCustomer(ActionKind.Reassign, c.Id)), CardAction.Run("查看", CommandIntent.OfCustomer(ActionKind.OpenCustomer, c.Id))],
        };
        return new ReminderItem
        {
            UserId = manager.Id, Key = $"esc:{c.Id}:{due.Ticks}", Line = $"{CompanyName.Short(c.Company)} {owner} 逾期{days}天", Card = card,
            Mark = () => { c.EscalatedFor = due; customers.Store.Save(c); },
        };
    }
}

using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Commands;

/// <summary>How customers and follow-ups look in replies (text lines and cards).</summary>
public sealed class CustomerCards(UserDirectory users, TimeProvider clock)
{
    public string Status(Customer c, bool english) => (c.Status, english) switch
    {
        (CustomerStatus.Lead, false) => "线索",
        (CustomerStatus.Active, false) => "客户",
        (CustomerStatus.PublicPool, false) => "公海",
        (CustomerStatus.Lead, true) => "lead",
        (CustomerStatus.Active, true) => "active",
        _ => "pool",
    };

    public string OwnerName(Customer c) => c.OwnerId is int o ? users.Get(o)?.Name ?? "?" : "—";

    /// <summary>"12-02（周三）" with a warning when overdue; "—" when none.</summary>
    public string Due(Customer c, bool english)
    {
        if (c.NextFollowUpAt is not DateTime due) return english ? "none" : "未安排";
        var text = english ? BusinessTime.DescribeEnglish(due, c.NextFollowUpDateOnly) : BusinessTime.Describe(due, c.NextFollowUpDateOnly);
        var today = BusinessTime.Today(clock);
        var day = DateOnly.FromDateTime(BusinessTime.ToLocal(due));
        if (day < today) text += english ? " ⚠ overdue" : " ⚠️逾期";
        else if (day == today) text += english ? " (today)" : "（今天）";
        return text;
    }

    public string Last(Customer c, bool english) =>
        c.LastFollowUpAt is DateTime t ? (english ? BusinessTime.DescribeEnglish(t, true) : BusinessTime.Describe(t, true)) : (english ? "never" : "无");

    public string FollowUpLine(FollowUp f)
    {
        var local = BusinessTime.ToLocal(f.At);
        var by = users.Get(f.ById)?.Name ?? "";
        return $"{local:MM-dd HH:mm} [{f.Kind.Chinese()}] {f.Note} —{by}";
    }

    public Card Card(Customer c, IReadOnlyList<FollowUp> recent, bool english, bool canChange)
    {
        var card = new Card
        {
            Title = c.Company,
            Subtitle = english ? $"#{c.Id} · {Status(c, true)} · importance {c.Importance}" : $"#{c.Id} · {Status(c, false)} · 重要程度 {c.Importance}",
        };
        void Field(string zh, string en, string? v) { if (!string.IsNullOrWhiteSpace(v)) card.Fields.Add(new CardField(english ? en : zh, v)); }
        Field("负责人", "Owner", c.Status == CustomerStatus.PublicPool ? (english ? "public pool" : "公海") : OwnerName(c));
        Field("部门", "Department", users.Department(c.DepartmentId)?.Name);
        Field("行业", "Industry", c.Industry);
        Field("地区", "Region", c.Region);
        Field("来源", "Source", c.Source);
        Field("创建", "Created", BusinessTime.Describe(c.CreatedAt, true));
        Field("上次跟进", "Last follow-up", Last(c, english));
        if (c.Status != CustomerStatus.PublicPool) Field("下次跟进", "Next follow-up", Due(c, english));
        if (c.Status == CustomerStatus.PublicPool) Field("退回原因", "Returned because", c.PoolReason);

        card.Lines.Add(english ? "Contacts:" : "联系人：");
        if (c.Contacts.Count == 0) card.Lines.Add(english ? "  (none)" : "  （暂无）");
        foreach (var k in c.Contacts)
            card.Lines.Add($"  {(k.Name.Length > 0 ? k.Name : "—")} · {k.Role.Chinese()}{(k.Title is null ? "" : " · " + k.Title)}{(k.Phone is null ? "" : " · " + k.Phone)}{(k.WeChat is null ? "" : " · 微信 " + k.WeChat)}{(k.Email is null ? "" : " · " + k.Email)}");
        card.Lines.Add(english ? $"Last {recent.Count} follow-ups:" : $"最近 {recent.Count} 次跟进：");
        if (recent.Count == 0) card.Lines.Add(english ? "  (none)" : "  （暂无）");
        foreach (var f in recent) card.Lines.Add("  " + FollowUpLine(f));

        if (c.Status == CustomerStatus.PublicPool)
            card.Actions.Add(CardAction.Run(english ? "Claim" : "领取", CommandIntent.OfCustomer(ActionKind.Claim, c.Id), CardActionStyle.Primary));
        else if (canChange)
        {
            card.Actions.Add(CardAction.Run(english ? "Next: tomorrow" : "明天再跟进", CommandIntent.OfCustomer(ActionKind.PlanFollowUp, c.Id, "明天")));
            card.Actions.Add(CardAction.Run(english ? "Next: next Monday" : "下周一跟进", CommandIntent.OfCustomer(ActionKind.PlanFollowUp, c.Id, "下周一")));
            card.Actions.Add(CardAction.Run(english ? "Return to pool" : "退回公海", CommandIntent.OfCustomer(ActionKind.ReturnToPool, c.Id), CardActionStyle.Danger));
        }
        return card;
    }

    /// <summary>A plain-text rendering of a card, for channels (and logs) without cards.</summary>
    public static string ToText(Card card) => Cards.ToText(card);
}

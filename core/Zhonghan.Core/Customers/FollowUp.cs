namespace Zhonghan.Core.Customers;

public enum FollowUpKind { AddFriend, Invite, Visit, Call, WeChat, Email, Other }

/// <summary>One follow-up record: what was done with the customer, and when to follow up next. Times are UTC.</summary>
public sealed class FollowUp
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public int? ContactId { get; set; }
    public FollowUpKind Kind { get; set; }
    public string Note { get; set; } = "";
    public DateTime At { get; set; }
    public DateTime? NextDueAt { get; set; }
    public bool NextDueDateOnly { get; set; }
    public int ById { get; set; }
}

public static class FollowUpKinds
{
    public static string Chinese(this FollowUpKind kind) => kind switch
    {
        FollowUpKind.AddFriend => "加好友",
        FollowUpKind.Invite => "邀约",
        FollowUpKind.Visit => "拜访",
        FollowUpKind.Call => "电话",
        FollowUpKind.WeChat => "微信",
        FollowUpKind.Email => "邮件",
        _ => "其他",
    };

    private static readonly (FollowUpKind Kind, string[] Words)[] KindWords =
    [
        (FollowUpKind.AddFriend, ["加好友", "加微信", "加了微信", "add friend"]),
        (FollowUpKind.Invite, ["邀约", "约了", "预约", "invite"]),
        (FollowUpKind.Visit, ["拜访", "上门", "面谈", "见面", "到访", "visit", "met "]),
        (FollowUpKind.Call, ["电话", "致电", "打给", "通话", "call", "phone"]),
        (FollowUpKind.WeChat, ["微信", "wechat"]),
        (FollowUpKind.Email, ["邮件", "email", "e-mail", "mail"]),
    ];

    /// <summary>Guesses the kind from the note's first telling word (拜访了王工 → 拜访, 电话沟通，约好上门 → 电话).</summary>
    public static FollowUpKind Guess(string note)
    {
        var n = note.ToLowerInvariant();
        var best = (Kind: FollowUpKind.Other, At: int.MaxValue);
        foreach (var (kind, words) in KindWords)
            foreach (var w in words)
                if (n.IndexOf(w, StringComparison.Ordinal) is var i and >= 0 && i < best.At) best = (kind, i);
        return best.Kind;
    }

    public static bool TryParse(string text, out FollowUpKind kind)
    {
        foreach (var k in Enum.GetValues<FollowUpKind>())
            if (k.Chinese() == text.Trim() || string.Equals(k.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            { kind = k; return true; }
        kind = FollowUpKind.Other;
        return false;
    }
}

/// <summary>A follow-up just logged and its customer as saved with it (the reply needs the plan; no second read).</summary>
public sealed record FollowUpLogged(FollowUp FollowUp, Customer Customer);

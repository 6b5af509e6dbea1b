using System.Text.RegularExpressions;

namespace Zhonghan.Core.Understanding;

/// <summary>
/// How the rep was in touch, from the first telling word: 拜访 / 见了 / 去了 (visit), 电话 / 打了 / 来电 (call), 微信,
/// 吃饭, 开会 / 会议, 邮件, 加了…微信 (added on WeChat), 约了 (an invitation). English: visited, called, lunch, meeting, emailed.
/// </summary>
internal static partial class TouchKinds
{
    public static TouchKind? Find(string lower, int from = 0) => FindAt(lower, from)?.Kind;

    /// <summary>The kind and where its word stands.</summary>
    public static (TouchKind Kind, int At)? FindAt(string lower, int from = 0)
    {
        var m = Kind().Match(lower, from);
        if (!m.Success) return null;
        foreach (var kind in Enum.GetValues<TouchKind>())
            if (m.Groups[kind.ToString()].Success) return (kind, m.Index);
        return null;
    }

    [GeneratedRegex(@"(?<AddFriend>加了?(?:[^，,。\s]{0,12}的)?微信|加了?好友|add(?:ed)? (?:on |as a friend on )?wechat)" +
        @"|(?<Invite>约了|邀约|邀请|预约)" +
        @"|(?<Meeting>开了个会|开完会|开了会|开会|视频会|会议|\bmeeting\b)" +
        @"|(?<Meal>吃饭|吃了|饭局|请客|\blunch\b|\bdinner\b)" +
        @"|(?<Email>邮件|\bemail(?:ed)?\b|\be-mail\b|\bmail(?:ed)?\b)" +
        @"|(?<WeChat>微信|\bwechat\b)" +
        @"|(?<Call>打了?个?电话|通了?个?电话|电话|来电|致电|打了|打的|\bcall(?:ed)?\b|\bphoned?\b)" +
        @"|(?<Visit>拜访|上门|见了|去了|到访|面谈|\bvisit(?:ed)?\b|\bmet\b)")]
    private static partial Regex Kind();
}

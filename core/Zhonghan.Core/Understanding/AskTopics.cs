using System.Text.RegularExpressions;

namespace Zhonghan.Core.Understanding;

/// <summary>Which question about a customer a message asks: money owed, contacts, owner, follow-ups, deals, or its status.</summary>
internal static partial class AskTopics
{
    public static Intent Of(string lower)
    {
        if (Owed().IsMatch(lower)) return Intent.AskOwed;
        if (Contacts().IsMatch(lower)) return Intent.AskContacts;
        if (Owner().IsMatch(lower)) return Intent.AskOwner;
        if (FollowUps().IsMatch(lower)) return Intent.AskFollowUps;
        if (Cues.DealWord().IsMatch(lower) || Stage().IsMatch(lower)) return Intent.AskDeals;
        return Intent.AskStatus;
    }

    public static bool IsOwed(string lower) => Owed().IsMatch(lower);

    /// <summary>A message that asks without a question word: "查一下英威腾", "科华数据的资料", "last follow-ups with Chint".</summary>
    public static bool IsAsk(string lower) => AskVerb().IsMatch(lower) || TopicNoun().IsMatch(lower);

    [GeneratedRegex(@"回款|欠|货款|应收|账款|钱回来|钱到|付款|打款|到账|\bowes?\b|\bpaid\b|\bpayment|receivable")]
    private static partial Regex Owed();

    [GeneratedRegex(@"联系人|联系方式|手机|电话号|(?<!打[的了个]?|通了?|来|回)电话(?:是)?(?:多少|号码|\s*$)|\bcontacts?\b|\bphone\b|\bnumber\b")]
    private static partial Regex Contacts();

    [GeneratedRegex(@"谁的客户|归谁|谁在负责|谁负责|谁在跟|谁跟的|是谁在跟|负责人|who owns|whose|who is handling|who handles|\bowner\b")]
    private static partial Regex Owner();

    [GeneratedRegex(@"跟进记录|跟进了什么|跟进了啥|最近跟进|有没有跟进|跟进过|跟进了没|上次|最近一次|记录|聊的啥|聊了什么|聊了啥|last follow|follow-?ups|什么时候|when did")]
    private static partial Regex FollowUps();

    [GeneratedRegex(@"阶段|到哪一步|哪一步|\bstage\b|\bstatus of the .* deal\b")]
    private static partial Regex Stage();

    [GeneratedRegex(@"^\s*(?:我想|我要|帮我|请)?(?:查一下|查查|查下|查|看看|看下|看一下|给我看看|给我一下|给我|告诉我|发我)|^\s*(?:show|customer info|info)\b")]
    private static partial Regex AskVerb();

    [GeneratedRegex(@"(?:资料|情况|手机号?码?|联系方式|联系人|联系人电话|电话号码?|跟进记录|进展|的电话|负责人)\s*$|^\s*(?:last follow|contacts? (?:of|for|at)|customer info)")]
    private static partial Regex TopicNoun();
}

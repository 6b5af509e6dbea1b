using System.Text.RegularExpressions;

namespace Zhonghan.Core.Understanding;

/// <summary>The words around names that <see cref="CompanyFinder"/> reads: what leads to a name, what follows one.</summary>
internal static partial class CompanyFinder
{
    // Words after which a name follows: 拜访(了) 汇川, 跟 / 和 正泰, 给 比亚迪, 把 先导智能, 发给 视源.
    [GeneratedRegex(@"(?:上门拜访|拜访了|拜访的|拜访|去了趟|去了|到了|见了|约了|跟进|推进一下|推进|负责|查一下|查查|查下|看一下|看看|看下|发给|寄给|打给|回访了|回访|联系了|认识了|加了|关于|陪|去|到|见|跟|和|与|同|给|把|对|向|帮|回|催|问|找)(?![我你他她它])")]
    private static partial Regex LeadChinese();

    [GeneratedRegex(@"\b(?:visited|visit|called|call|met with|met|emailed|email|with|at|to|for|of|owns|owes?|is|chase|lead|customer|lost|move|advance|return|put|about|from|handling)\b[:\s]+(?:(?:the|a|an|our)\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex LeadEnglish();

    // A name ends where one of these begins.
    private const string FollowsName =
        "(?:" +
        "的|那个|那边|那家|那儿|这个|这边|这家|现在|最近|上次|目前|还欠|还有|还能|还|有没有|有哪些|有几个|有什么|有个|是谁|是不是" +
        "|是什么|归谁|谁在|没需求|没有|没人|没戏|没了|联系不上|不要了|退回|退公海|退会|放回|放公海|扔公海|扔了|转公海|转询价|推进|推到" +
        "|往前|丢了|丢单|黄了|输了|商机|单子|项目|订单|打电话|打了|打的|打个|电话|来电|回电话|回个电话|回复|回款|货款|欠|微信|邮件" +
        "|(?<!开)发|寄|开完|拜访|沟通|吃饭|吃了|开会|开了|聊了|聊的|聊天|技术交流|交流|见面" +
        "|上门|说|要求|要的|要了|样品|报价|规格书|资料|情况|进展|怎么|什么|跟进|记录|联系人|联系方式|手机|负责|可以|进入|采购|研发" +
        "|硬件|供应链|认识了|去了|见了|约了|加了|联系了|回访了|拜访了|提醒|叫我|回来|回款" +
        ")";

    [GeneratedRegex(FollowsName)]
    private static partial Regex After();

    // The same, only where it starts at the given position (回 is no lead word at the start of 回款).
    [GeneratedRegex(@"\G" + FollowsName)]
    private static partial Regex AfterAt();

    // What opens a clause without being a name; skipped before looking for one.
    [GeneratedRegex(@"\G(?:别忘了|记得|帮我记一下|帮我记下|帮我|给我看看|给我一下|给我|请|麻烦|看看|看下|看一下|查一下|查查|查下|刚刚|刚才|刚|我们|我|上次|最近|什么时候|另外|对了|推进一下|打了个电话|打了电话|打电话|发了邮件|发邮件|电话|微信上|微信|邮件)")]
    private static partial Regex Filler();

    [GeneratedRegex(@"^[一二两三四五六七八九十几多]+[家个位条]")]
    private static partial Regex Counted();

    [GeneratedRegex(@"(?<w>[A-Z][A-Za-z0-9&\-]*)")]
    private static partial Regex LatinName();

    [GeneratedRegex(@"^\s*(?:那个|这个|的)?\s*(?:项目|商机|单子|订单)")]
    private static partial Regex DealAfter();
}

using System.Text.RegularExpressions;

namespace Zhonghan.Core.Understanding;

/// <summary>
/// The phrasings that tell intents apart, matched on the lower-cased, width-folded message. Each is a regular
/// expression of how reps say it (see docs/understanding.md for adding one).
/// </summary>
internal static partial class Cues
{
    // Questions beyond QuestionCues: 谁, 哪, 几个, 啥, 了没, 是不是, "whose", "how much".
    [GeneratedRegex(@"谁|哪|几个|几时|啥|了没|到了没|是不是|没有$|\bwhose\b|\bhow (?:much|many)\b|^does\b|^is there\b")]
    public static partial Regex Question();

    [GeneratedRegex(@"^\s*(?:你好|您好|hi|hello|hey|哈喽|嗨|在吗|在不在|在么|早上好|早安|早|中午好|下午好|晚上好|谢谢|多谢|感谢|谢了|thanks|thank you|thx)(?:\s*(?:bot|啊|呀|呢|哈|啦|哦|喔|你|您|[!！~。.,，]))*\s*$")]
    public static partial Regex Greeting();

    [GeneratedRegex(@"帮助|^\s*help\b|怎么用|不会用|如何使用|使用说明|你能做什么|能做什么|能干什么|可以做什么|有哪些命令|有什么命令|命令列表|what can you do|how (?:do i|to) use|功能怎么|怎么(?:记|新建|建|查|添加|加|设置|设|录|写|退回|退|推进|操作|弄|提醒|看)")]
    public static partial Regex HelpAsk();

    // A request to record: what follows is the follow-up's note.
    [GeneratedRegex(@"^\s*(?:帮我|请|麻烦)?\s*(?:记一下|记下|记录一下|记录下|记个跟进|写个跟进|写一下跟进|记一笔|记录(?=\s*[:：]))\s*[:：]?\s*|^\s*(?:log|note)\s*[:：]\s*")]
    public static partial Regex RecordRequest();

    [GeneratedRegex(@"^\s*提醒|提醒我|提醒一下|设个?提醒|提示我|remind me|\bremind\b|(?<=[后点天早晚前])\s*叫我")]
    public static partial Regex Reminder();

    [GeneratedRegex(@"新客户|新线索|新认识|认识了?一个(?:新)?客户|介绍了?一个(?:新)?客户|建个客户|建一个客户|录一个线索|录个线索|加个线索|加一下线索|添加线索|新建线索|建个线索|\bnew (?:lead|customer|client)\b")]
    public static partial Regex NewLead();

    [GeneratedRegex(@"(?:本月|这个月|本季度?|这个?季度|this month|this quarter)[^，,。]{0,4}回款|业绩|提成|工资|奖金|\bpay\b|commission|salary|earnings")]
    public static partial Regex Pay();

    [GeneratedRegex(@"漏斗|pipeline|funnel|各个?阶段")]
    public static partial Regex Pipeline();

    [GeneratedRegex(@"(?:我的|我在跟的|我手上的|我名下的|我跟的)(?:商机|单子|项目)|\bmy (?:deals|opportunities)\b")]
    public static partial Regex MyDeals();

    [GeneratedRegex(@"(?:我的|我手上(?:有哪些)?的?|我名下(?:有哪些)?的?)(?:线索|先索|客户)|客户列表|\bmy (?:leads|customers|clients)\b")]
    public static partial Regex MyLeads();

    [GeneratedRegex(@"逾期|过期|超期|overdue|好久没跟|很久没跟|没跟进的|没有跟进的")]
    public static partial Regex Overdue();

    [GeneratedRegex(@"(?:今天|今日|today'?s?)[^，,。]{0,8}?(?:待办|代办|要做|要干|干啥|做啥|有啥|有什么|要跟进|待跟进|要拜访|跟进计划|计划|任务|安排|日程|plan|due|to ?do)|what'?s due|what do i have today|我的(?:待办|代办)|待办事项|^\s*(?:待办|todo)\s*$")]
    public static partial Regex Today();

    // Something to look at in the list (a list asked for), not a plan stated ("今天要拜访汇川").
    [GeneratedRegex(@"哪些|谁|啥|什么|待办|代办|计划|任务|安排|日程|plan|due|to ?do|have|客户\s*$")]
    public static partial Regex ListObject();

    [GeneratedRegex(@"公海|\bpool\b|客户不要了|不要了|放弃(?:这个)?客户")]
    public static partial Regex Pool();

    [GeneratedRegex(@"丢了|丢单|黄了|没戏|没希望|泡汤|凉了|没拿下|输了|(?:单子|商机|项目)(?:也|就)?没了|被[^，,。]{1,12}(?:拿走|抢走|抢了|截胡)|\blost\b|\blose\b")]
    public static partial Regex Lose();

    [GeneratedRegex(@"推进|推到|往前推|进入(?:到)?(?=[^，,。]{0,2}(?:询|报价|申样|样品|测试|订单|下单))|转(?=询价|询报价|报价|申样|测试|下单|订单)|(?:可以|能)(?=申样|测试|下单|报价|询价)|到(?=申样|测试|询报价|下单|订单)|\bmove\b.*\bto\b|\badvance\b")]
    public static partial Regex Advance();

    [GeneratedRegex(@"单子|商机|项目|订单|\bdeal\b|opportunit")]
    public static partial Regex DealWord();

    // Product questions: stock, lead time, price, datasheet, alternatives, recommendations.
    [GeneratedRegex(@"有货|库存|现货|交期|价格|多少钱|规格书|datasheet|\bstock\b|\bprice\b|lead ?time|\bmoq\b|最小起订量|起订|替代|推荐|参数|封装|选型|有样品吗|样品吗|效率")]
    public static partial Regex Product();

    // What a product question is about, when it names no part: 降压芯片, 国产替代, 隔离芯片.
    [GeneratedRegex(@"芯片|器件|物料|替代|推荐|选型|\bmos\b|mosfet|\bmcu\b|\bldo\b|\bic\b|型号|降压|升压|隔离|运放|传感器|二极管|电容|电阻|电感|晶振|连接器")]
    public static partial Regex ProductTopic();

    // What a customer did or said, told by the rep (a follow-up without a kind word).
    [GeneratedRegex(@"说|回复了|回了|反馈|表示|要求|答应|确认了|同意|通过了|准备|交流|介绍了|讨论|谈了|聊了|沟通|签收|收到|寄出|发出了|下单了|下了单|\bsaid\b|\btold\b|\breplied\b|\bwants?\b|\bneeds?\b")]
    public static partial Regex Reported();

    // A kind word told in the past (打了个电话, 拜访了): enough for a follow-up even without a customer.
    [GeneratedRegex(@"(?:拜访|打|通|吃|开|发|见|去|聊|沟通|联系)了|来电|没人接|没打通|\b(?:called|visited|met|emailed)\b")]
    public static partial Regex PastTouch();

    [GeneratedRegex(@"客户|对方|customer")]
    public static partial Regex CustomerWord();

    // A customer referred to without its name (那个客户): a question about it asks which one.
    [GeneratedRegex(@"那个客户|这个客户|该客户|这家|那家|\b(?:the|this|that) customer\b")]
    public static partial Regex ThatCustomer();
}

namespace Zhonghan.Core.Understanding;

/// <summary>
/// Words that are not company names, whatever stands around them: people and pronouns, what reps talk about
/// (样品, 报价, 方案), dates, chatter. And project words (BMS, 储能, 逆变器) that name a deal, not a customer.
/// </summary>
internal static class NameWords
{
    public static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "我们", "他们", "她们", "你们", "咱们", "客户", "对方", "老板", "领导", "公司", "大家", "朋友", "同事", "这家", "那家", "这个", "那个",
        "今天", "明天", "昨天", "后天", "上午", "下午", "晚上", "明年", "今年", "年度", "最近", "上次", "下次", "现在", "目前",
        "样品", "样片", "报价", "报价单", "方案", "项目", "新项目", "商机", "单子", "订单", "研发", "采购", "硬件", "软件", "电话", "微信",
        "邮件", "资料", "记录", "情况", "进展", "规格书", "会议", "视频会议", "一下", "一个", "一些", "新客户", "框架协议", "需求", "预算",
        "价格", "交期", "库存", "现货", "替代料", "测试", "试产", "量产", "小批", "批量", "招标", "合作", "计划", "用量", "技术", "交流",
        "技术交流", "展会", "申样", "询价", "询报价", "下单", "业绩", "提成", "漏斗", "线索", "公海", "工作", "东西", "问题", "天气",
        "哈哈", "呵呵", "嗯嗯", "好的", "收到", "谢谢", "可以", "没问题", "周会", "开会", "阶段", "货款", "回款", "应收", "联系人", "手机",
        "硬件部", "硬件部门", "研发部", "采购部", "产品", "芯片", "原厂", "代理", "供应商", "竞争对手", "国产", "进口料",
    };

    /// <summary>Starts that make a word no name: pronouns, demonstratives, particles, adverbs.</summary>
    public static readonly string[] NotNameStarts =
    [
        "我", "你", "他", "她", "它", "咱", "这", "那", "哪", "一个", "一下", "一些", "客户", "对方", "老板",
        "领导", "大家", "有", "没", "不", "也", "都", "就", "再", "又", "还", "已", "正在", "很", "太", "好", "让", "被", "是", "的", "了",
        "在", "说", "要", "想", "能", "会", "等", "来", "今天", "明天", "后天", "昨天", "上次", "最近", "什么", "怎么", "为什么",
    ];

    /// <summary>A word at the start of a clause that opens with a verb is what the rep did, not a name (发报价给正泰).</summary>
    public const string VerbStarts = "开发寄回打催整去做写准参买送交找问约见拿带看查出聊谈签收确改申报测推陪加讨介提搞弄跑请帮把给跟和与同对向到从上下进退放扔转丢换选用试吃记来拜认沟邮录建设叫别";

    public static readonly HashSet<string> EnglishNotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "I", "Mr", "Ms", "Mrs", "Miss", "Dr", "The", "A", "An", "What", "Who", "Whose", "How", "Show", "List", "My", "Remind", "Called",
        "Call", "Visited", "Visit", "Met", "Had", "Lunch", "Dinner", "Lost", "Lose", "Move", "Advance", "Return", "Put", "New", "Got",
        "Customer", "Last", "Does", "Do", "Please", "Pls", "Hi", "Hello", "Hey", "Help", "Today", "Tomorrow", "We", "They", "He", "She",
        "Email", "Emailed", "Follow", "Price", "Lead", "Is", "Are", "OK", "BOM", "MOQ", "PCB", "EOL", "PO", "PI", "OEM", "ODM", "FAE",
        "CEO", "ID", "AI", "TI", "ADI", "ST", "NXP", "ON", "MCU", "LDO", "MOS", "MOSFET", "IGBT", "Q", "Thanks", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Wechat", "Meeting",
    };

    /// <summary>Applications and products that name a deal (BMS那个单子, 阳光电源储能项目), longest first.</summary>
    public static readonly string[] Projects =
    [
        "智能电表", "电机控制器", "电机驱动", "车载充电", "充电桩", "逆变器", "变频器", "控制器", "监护仪", "摄像头", "储能", "光伏", "伺服",
        "电表", "电控", "安防", "T-BOX", "TBOX", "DCDC", "DC-DC", "BLDC", "ADAS", "BMS", "PCS", "OBC", "UPS", "VCU", "ECU", "PLC", "HMI",
        "SVG", "APF",
    ];

    public static bool IsProject(string word) => Projects.Any(p => string.Equals(p, word, StringComparison.OrdinalIgnoreCase));

    /// <summary>The project word a name ends with (阳光电源储能 → 储能), when a name of two characters or more stands before it.</summary>
    public static string? ProjectSuffix(string word) =>
        Projects.FirstOrDefault(p => word.Length >= p.Length + 2 && word.EndsWith(p, StringComparison.OrdinalIgnoreCase));
}

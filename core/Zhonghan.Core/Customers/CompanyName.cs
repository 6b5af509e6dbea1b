using System.Text;
using System.Text.RegularExpressions;

namespace Zhonghan.Core.Customers;

/// <summary>
/// Company-name keys. <see cref="Key"/> decides "the same company": width and case folded, spaces, brackets and
/// punctuation removed, legal suffixes (有限公司, 股份, Co., Ltd. …) stripped. <see cref="CoreKey"/> also drops a
/// leading region (深圳市, 上海 …) so that a rep can type the distinctive part (汇川).
/// </summary>
public static class CompanyName
{
    // Longest first: each pass strips one suffix from the end, repeated until none applies.
    private static readonly string[] Suffixes =
    [
        "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "责任公司", "股份公司", "总公司", "公司", "股份", "集团",
    ];

    // 汇芯微电子（苏州）有限公司 is 苏州汇芯微电子有限公司: a region in brackets is read as if it stood in front.
    private static readonly Regex BracketedRegion = new(@"[（(]\s*(?<r>[\p{IsCJKUnifiedIdeographs}]{2,4}?)(?:市|省)?\s*[）)]", RegexOptions.CultureInvariant);

    // English legal forms, stripped as whole words at the end before folding (so "Cisco" keeps its "co").
    private static readonly Regex EnglishSuffix = new(
        @"[\s,.]*\b(co\.?,?\s*ltd|co\.?,?\s*limited|company|corporation|corp|incorporated|inc|limited|ltd|llc|gmbh|co)\.?[\s,.]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // Provinces and prefecture-level cities (and a few big county-level ones), longest first.
    private static readonly string[] Regions =
    [
        "呼和浩特", "鄂尔多斯", "呼伦贝尔", "巴彦淖尔", "乌兰察布", "齐齐哈尔", "乌鲁木齐", "克拉玛依", "石家庄", "秦皇岛", "张家口", "葫芦岛", "哈尔滨", "双鸭山",
        "佳木斯", "七台河", "牡丹江", "连云港", "张家港", "马鞍山", "景德镇", "平顶山", "三门峡", "驻马店", "张家界", "防城港", "攀枝花", "六盘水", "嘉峪关",
        "石嘴山", "黑龙江", "内蒙古", "北京", "天津", "上海", "重庆", "香港", "澳门", "台湾", "台北", "新北", "桃园", "新竹", "台中", "台南", "高雄",
        "基隆", "嘉义", "苗栗", "彰化", "屏东", "宜兰", "花莲", "唐山", "邯郸", "邢台", "保定", "承德", "沧州", "廊坊", "衡水", "太原", "大同", "阳泉",
        "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾", "吕梁", "包头", "乌海", "赤峰", "通辽", "沈阳", "大连", "鞍山", "抚顺", "本溪", "丹东",
        "锦州", "营口", "阜新", "辽阳", "盘锦", "铁岭", "朝阳", "长春", "吉林", "四平", "辽源", "通化", "白山", "松原", "白城", "鸡西", "鹤岗", "大庆",
        "伊春", "黑河", "绥化", "南京", "无锡", "徐州", "常州", "苏州", "南通", "淮安", "盐城", "扬州", "镇江", "泰州", "宿迁", "昆山", "江阴", "常熟",
        "太仓", "吴江", "宜兴", "杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州", "丽水", "义乌", "慈溪", "余姚", "乐清",
        "瑞安", "合肥", "芜湖", "蚌埠", "淮南", "淮北", "铜陵", "安庆", "黄山", "滁州", "阜阳", "宿州", "六安", "亳州", "池州", "宣城", "福州", "厦门",
        "莆田", "三明", "泉州", "漳州", "南平", "龙岩", "宁德", "晋江", "南昌", "萍乡", "九江", "新余", "鹰潭", "赣州", "吉安", "宜春", "抚州", "上饶",
        "济南", "青岛", "淄博", "枣庄", "东营", "烟台", "潍坊", "济宁", "泰安", "威海", "日照", "临沂", "德州", "聊城", "滨州", "菏泽", "郑州", "开封",
        "洛阳", "安阳", "鹤壁", "新乡", "焦作", "濮阳", "许昌", "漯河", "南阳", "商丘", "信阳", "周口", "武汉", "黄石", "十堰", "宜昌", "襄阳", "鄂州",
        "荆门", "孝感", "荆州", "黄冈", "咸宁", "随州", "长沙", "株洲", "湘潭", "衡阳", "邵阳", "岳阳", "常德", "益阳", "郴州", "永州", "怀化", "娄底",
        "广州", "韶关", "深圳", "珠海", "汕头", "佛山", "江门", "湛江", "茂名", "肇庆", "惠州", "梅州", "汕尾", "河源", "阳江", "清远", "东莞", "中山",
        "潮州", "揭阳", "云浮", "顺德", "南海", "南宁", "柳州", "桂林", "梧州", "北海", "钦州", "贵港", "玉林", "百色", "贺州", "河池", "来宾", "崇左",
        "海口", "三亚", "儋州", "成都", "自贡", "泸州", "德阳", "绵阳", "广元", "遂宁", "内江", "乐山", "南充", "眉山", "宜宾", "广安", "达州", "雅安",
        "巴中", "资阳", "贵阳", "遵义", "安顺", "毕节", "铜仁", "昆明", "曲靖", "玉溪", "保山", "昭通", "丽江", "普洱", "临沧", "拉萨", "西安", "铜川",
        "宝鸡", "咸阳", "渭南", "延安", "汉中", "榆林", "安康", "商洛", "兰州", "金昌", "白银", "天水", "武威", "张掖", "平凉", "酒泉", "庆阳", "定西",
        "陇南", "西宁", "银川", "吴忠", "固原", "中卫", "中国", "广东", "江苏", "浙江", "山东", "福建", "安徽", "湖北", "湖南", "河南", "河北", "四川",
        "陕西", "江西", "辽宁", "山西", "广西", "云南", "贵州", "甘肃", "青海", "海南", "宁夏", "新疆", "西藏",
    ];

    /// <summary>The duplicate-detection key.</summary>
    public static string Key(string name)
    {
        var english = RegionToFront(name.Normalize(NormalizationForm.FormKC).Trim());
        for (var m = EnglishSuffix.Match(english); m.Success && m.Index > 0; m = EnglishSuffix.Match(english))
            english = english[..m.Index];
        var s = Fold(english);
        bool stripped;
        do
        {
            stripped = false;
            foreach (var suffix in Suffixes)
            {
                if (s.EndsWith(suffix, StringComparison.Ordinal))
                {
                    s = s[..^suffix.Length];
                    stripped = true;
                    break;
                }
            }
        } while (stripped);
        return s;
    }

    private static string RegionToFront(string name)
    {
        var m = BracketedRegion.Match(name);
        if (!m.Success || m.Index == 0 || !IsRegion(m.Groups["r"].Value)) return name;
        return m.Groups["r"].Value + name[..m.Index] + name[(m.Index + m.Length)..];
    }

    /// <summary>A province or city on its own (苏州, 苏州市, 广东省): never a company name by itself.</summary>
    public static bool IsRegion(string word)
    {
        var w = word.Trim();
        if (w.Length > 2 && w[^1] is '省' or '市' or '区' or '县') w = w[..^1];
        return Array.IndexOf(Regions, w) >= 0;
    }

    /// <summary>The key without leading region words (深圳市汇川技术 → 汇川技术).</summary>
    public static string CoreKey(string name) => StripRegion(Key(name));

    internal static string StripRegion(string key)
    {
        bool stripped;
        do
        {
            stripped = false;
            foreach (var region in Regions)
            {
                if (!key.StartsWith(region, StringComparison.Ordinal)) continue;
                var rest = key[region.Length..];
                if (rest.Length > 0 && rest[0] is '省' or '市' or '区' or '县') rest = rest[1..];
                if (rest.Length >= 2) { key = rest; stripped = true; }
                break;
            }
        } while (stripped);
        return key;
    }

    /// <summary>
    /// A short display name for tight spaces (card lines, buttons): the name without a leading region and legal
    /// suffix (深圳市汇川技术股份有限公司 → 汇川技术), never empty.
    /// </summary>
    public static string Short(string name)
    {
        var s = name.Trim();
        foreach (var suffix in Suffixes)
            if (s.Length > suffix.Length + 1 && s.EndsWith(suffix, StringComparison.Ordinal)) { s = s[..^suffix.Length]; break; }
        foreach (var region in Regions)
        {
            if (!s.StartsWith(region, StringComparison.Ordinal)) continue;
            var rest = s[region.Length..];
            if (rest.Length > 0 && rest[0] is '省' or '市' or '区' or '县') rest = rest[1..];
            if (rest.Length >= 2) s = rest;
            break;
        }
        return s.Length > 0 ? s : name;
    }

    /// <summary>Width and case folded, spaces, brackets and punctuation removed.</summary>
    public static string Fold(string name)
    {
        var normalized = name.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
            // everything else (spaces, brackets, dots, commas, &, -, ·) is dropped
        }
        return sb.ToString();
    }
}

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
        "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "责任公司", "股份公司", "总公司", "公司", "股份",
    ];

    // English legal forms, stripped as whole words at the end before folding (so "Cisco" keeps its "co").
    private static readonly Regex EnglishSuffix = new(
        @"[\s,.]*\b(co\.?,?\s*ltd|co\.?,?\s*limited|company|corporation|corp|incorporated|inc|limited|ltd|llc|gmbh|co)\.?[\s,.]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] Regions =
    [
        "中国", "上海", "北京", "天津", "重庆", "深圳", "广州", "东莞", "佛山", "珠海", "中山", "惠州", "汕头", "江门",
        "杭州", "宁波", "温州", "嘉兴", "绍兴", "金华", "台州", "湖州", "苏州", "无锡", "常州", "南京", "南通", "扬州",
        "镇江", "徐州", "盐城", "昆山", "合肥", "芜湖", "厦门", "福州", "泉州", "济南", "青岛", "烟台", "威海", "潍坊",
        "郑州", "武汉", "长沙", "南昌", "成都", "绵阳", "西安", "沈阳", "大连", "长春", "哈尔滨", "石家庄", "太原",
        "南宁", "昆明", "贵阳", "兰州", "台北", "新北", "新竹", "台中", "台南", "高雄", "桃园", "香港",
        "广东", "江苏", "浙江", "山东", "福建", "安徽", "湖北", "湖南", "河南", "河北", "四川", "陕西", "江西", "辽宁",
        "吉林", "黑龙江", "山西", "广西", "云南", "贵州", "甘肃", "台湾",
    ];

    /// <summary>The duplicate-detection key.</summary>
    public static string Key(string name)
    {
        var english = name.Normalize(NormalizationForm.FormKC).Trim();
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

public static class PhoneNumber
{
    /// <summary>Digits only, without a leading +86 / 0086; empty when it holds fewer than 7 digits.</summary>
    public static string Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "";
        var digits = new string(phone.Normalize(NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0086")) digits = digits[4..];
        else if (digits.StartsWith("86") && digits.Length == 13) digits = digits[2..];
        return digits.Length >= 7 ? digits : "";
    }

    /// <summary>Looks like a phone: a mainland mobile, a landline with area code, or +country digits.</summary>
    public static bool LooksLikePhone(string token)
    {
        var t = token.Normalize(NormalizationForm.FormKC).Trim();
        if (t.Length < 7 || t.Length > 20) return false;
        if (!t.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')')) return false;
        var digits = Normalize(t);
        return digits.Length is >= 7 and <= 15;
    }
}

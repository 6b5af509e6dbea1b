using System.Text.RegularExpressions;
using Zhonghan.Core.Customers;

namespace Zhonghan.Core.Parsing;

/// <summary>One reading of "which words are the company": the company and the contact that the rest makes.</summary>
public sealed record LeadReading(string Company, string? Contact);

/// <summary>
/// What follows 新建线索: the company, then a contact and a phone. Never cut silently: when the words after the
/// company are not a contact or a phone (新建线索 苏州 新锐 电子 李工 139…), <see cref="Choices"/> lists the readings,
/// longest company first, and the caller asks.
/// </summary>
public sealed record LeadWords(string? Company, string? Contact, string? Phone, IReadOnlyList<LeadReading> Choices)
{
    public bool IsAmbiguous => Choices.Count > 1;
}

public static partial class LeadText
{
    internal static readonly string[] Honorifics =
    [
        "工程师", "经理", "总监", "主管", "主任", "部长", "科长", "处长", "厂长", "老板", "先生", "女士", "小姐", "老师", "博士",
        "助理", "采购", "总", "工", "姐", "哥",
    ];

    // Common surnames: a 2–3 character word starting with one is taken as a name unless it reads like a business word.
    internal const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖石贾韦夏付方邹熊孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文";

    private static readonly string[] BusinessWords =
    [
        "电子", "科技", "技术", "电气", "电器", "智能", "光电", "精密", "集团", "实业", "贸易", "半导体", "能源", "动力", "通信", "电力",
        "机电", "自动化", "工业", "控股", "股份", "有限", "公司", "网络", "信息", "软件", "仪器", "医疗", "材料", "汽车", "新能源",
    ];

    /// <summary>A contact's name: 王工, 李经理, 老王, 张伟, Tom.</summary>
    public static bool LooksLikeContact(string word)
    {
        // Invisible characters (zero-width, bidi overrides) are not part of a name: the name is judged as shown.
        var w = Customers.NameText.Clean(word);
        if (w.Length == 0 || w.Length > 12 || PhoneNumber.LooksLikePhone(w)) return false;
        if (LatinName().IsMatch(w)) return true;
        if (!w.All(c => c is >= '\u4e00' and <= '\u9fff')) return false;
        if (BusinessWords.Any(b => w.Contains(b, StringComparison.Ordinal)) || CompanyName.IsRegion(w)) return false;
        if (w.Length <= 6 && Honorifics.Any(h => w.Length > h.Length && w.EndsWith(h, StringComparison.Ordinal))) return true;
        if (w.Length == 2 && w[0] is '老' or '小' && Surnames.Contains(w[1])) return true;
        return w.Length is 2 or 3 && Surnames.Contains(w[0]);
    }

    public static LeadWords Split(string text)
    {
        var tokens = Tokenizer.Tokens(text);
        var phoneAt = tokens.FindIndex(t => !t.Quoted && PhoneNumber.LooksLikePhone(t.Text));
        var phone = phoneAt >= 0 ? tokens[phoneAt].Text : null;
        if (phoneAt >= 0) tokens.RemoveAt(phoneAt);
        if (tokens.Count == 0) return new LeadWords(null, null, phone, []);
        var words = tokens.Select(t => t.Text).ToList();
        string? Join(IEnumerable<string> w) => w.Any() ? string.Join(" ", w) : null;
        if (tokens[0].Quoted || words.Count == 1 || (words.Count == 2 && LooksLikeContact(words[1])))
            return new LeadWords(words[0], Join(words.Skip(1)), phone, []);

        var contact = LooksLikeContact(words[^1]) ? words[^1] : null;
        var middle = contact is null ? words : words[..^1];
        var choices = new List<LeadReading>();
        for (var k = middle.Count; k >= 1; k--)
            choices.Add(new LeadReading(Glue(middle.Take(k)), Join(middle.Skip(k).Append(contact ?? "").Where(x => x.Length > 0))));
        return new LeadWords(null, null, phone, choices);
    }

    /// <summary>Chinese words join without a space (苏州 新锐 → 苏州新锐), Latin words with one (Acme Power).</summary>
    private static string Glue(IEnumerable<string> words)
    {
        var result = "";
        foreach (var w in words)
            result += result.Length > 0 && char.IsAsciiLetterOrDigit(result[^1]) && char.IsAsciiLetterOrDigit(w[0]) ? " " + w : w;
        return result;
    }

    [GeneratedRegex(@"^(?:(?:mr|ms|mrs|dr)\.?\s*)?[A-Z][a-z]{1,15}$")]
    private static partial Regex LatinName();
}

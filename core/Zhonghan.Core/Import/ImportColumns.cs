namespace Zhonghan.Core.Import;

/// <summary>Maps file headers (Chinese or English) to lead fields; explicit mappings win.</summary>
public static class ImportColumns
{
    private static readonly Dictionary<string, LeadField> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["公司"] = LeadField.Company, ["公司名称"] = LeadField.Company, ["客户"] = LeadField.Company, ["客户名称"] = LeadField.Company,
        ["企业名称"] = LeadField.Company, ["单位名称"] = LeadField.Company, ["company"] = LeadField.Company,
        ["company name"] = LeadField.Company, ["customer"] = LeadField.Company, ["account"] = LeadField.Company,
        ["联系人"] = LeadField.ContactName, ["联系人姓名"] = LeadField.ContactName, ["姓名"] = LeadField.ContactName,
        ["contact"] = LeadField.ContactName, ["contact name"] = LeadField.ContactName, ["name"] = LeadField.ContactName,
        ["角色"] = LeadField.ContactRole, ["联系人角色"] = LeadField.ContactRole, ["role"] = LeadField.ContactRole,
        ["职位"] = LeadField.ContactTitle, ["职务"] = LeadField.ContactTitle, ["title"] = LeadField.ContactTitle,
        ["电话"] = LeadField.Phone, ["手机"] = LeadField.Phone, ["手机号"] = LeadField.Phone, ["联系电话"] = LeadField.Phone,
        ["phone"] = LeadField.Phone, ["mobile"] = LeadField.Phone, ["tel"] = LeadField.Phone, ["telephone"] = LeadField.Phone,
        ["微信"] = LeadField.WeChat, ["微信号"] = LeadField.WeChat, ["wechat"] = LeadField.WeChat,
        ["邮箱"] = LeadField.Email, ["电子邮件"] = LeadField.Email, ["email"] = LeadField.Email, ["e-mail"] = LeadField.Email,
        ["行业"] = LeadField.Industry, ["industry"] = LeadField.Industry,
        ["地区"] = LeadField.Region, ["区域"] = LeadField.Region, ["城市"] = LeadField.Region, ["region"] = LeadField.Region, ["city"] = LeadField.Region,
        ["重要程度"] = LeadField.Importance, ["客户等级"] = LeadField.Importance, ["等级"] = LeadField.Importance,
        ["importance"] = LeadField.Importance, ["level"] = LeadField.Importance, ["grade"] = LeadField.Importance,
        ["来源"] = LeadField.Source, ["线索来源"] = LeadField.Source, ["source"] = LeadField.Source,
        ["负责人"] = LeadField.Owner, ["销售"] = LeadField.Owner, ["owner"] = LeadField.Owner, ["rep"] = LeadField.Owner,
    };

    /// <summary>The field's name in reports (公司, 电话 …).</summary>
    public static string Chinese(LeadField field) => field switch
    {
        LeadField.Company => "公司", LeadField.ContactName => "联系人", LeadField.ContactRole => "角色", LeadField.ContactTitle => "职位",
        LeadField.Phone => "电话", LeadField.WeChat => "微信", LeadField.Email => "邮箱", LeadField.Industry => "行业",
        LeadField.Region => "地区", LeadField.Importance => "重要程度", LeadField.Source => "来源", LeadField.Owner => "负责人",
        _ => field.ToString(),
    };

    /// <summary>Every header a column may have, per field (README and the report list them when a column is not recognised).</summary>
    public static IReadOnlyList<(LeadField Field, IReadOnlyList<string> Headers)> Accepted() =>
        Enum.GetValues<LeadField>().Select(f => (f, (IReadOnlyList<string>)Known.Where(k => k.Value == f).Select(k => k.Key).ToList())).ToList();

    /// <summary>One line per field: "公司：公司 / 公司名称 / … / company".</summary>
    public static IEnumerable<string> AcceptedLines() =>
        Accepted().Select(a => $"{Chinese(a.Field)}：{string.Join(" / ", a.Headers)}");

    public static bool TryField(string name, out LeadField field)
    {
        if (Known.TryGetValue(name.Trim(), out field)) return true;
        return Enum.TryParse(name.Trim(), ignoreCase: true, out field) && Enum.IsDefined(field);
    }

    /// <summary>Column index → field for the given headers. <paramref name="explicitMap"/> is header → field name.</summary>
    public static Dictionary<int, LeadField> Map(IReadOnlyList<string> headers, IReadOnlyDictionary<string, string>? explicitMap = null)
    {
        var map = new Dictionary<int, LeadField>();
        for (var i = 0; i < headers.Count; i++)
        {
            var h = headers[i].Trim().TrimStart('\uFEFF').Trim('*').Trim();
            if (explicitMap is not null && explicitMap.TryGetValue(h, out var target))
            {
                if (!TryField(target, out var f)) throw new CrmException($"映射的目标字段“{target}”不存在。", $"Unknown target field '{target}'.");
                map[i] = f;
            }
            else if (TryField(h, out var f) && !map.ContainsValue(f)) map[i] = f;
        }
        return map;
    }
}

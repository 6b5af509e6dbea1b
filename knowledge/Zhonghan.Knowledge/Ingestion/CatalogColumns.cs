namespace Zhonghan.Knowledge.Ingestion;

/// <summary>The part facts a catalogue column can hold.</summary>
internal enum PartField { Mpn, Manufacturer, Category, Description, Package, Datasheet, Stock, Price, LeadTime, Moq }

/// <summary>
/// Finds catalogue columns by their header, Chinese or English, ignoring case, spaces, underscores and brackets
/// ("Part Number", "part_number", "型号", "规格型号", "price_usd", "单价(元)"). Other columns become attributes.
/// </summary>
internal static class CatalogColumns
{
    private static readonly (PartField Field, string[] Names)[] Known =
    [
        (PartField.Mpn, ["mpn", "型号", "partnumber", "partno", "pn", "mfrpartnumber", "manufacturerpartnumber", "mfrpn", "料号",
            "物料型号", "规格型号", "产品型号", "器件型号", "model", "part"]),
        (PartField.Manufacturer, ["manufacturer", "mfr", "brand", "vendor", "maker", "品牌", "厂牌", "厂家", "厂商", "制造商", "原厂", "生产商"]),
        (PartField.Category, ["category", "subcategory", "type", "分类", "类别", "产品类别", "类型", "产品线", "品类"]),
        (PartField.Description, ["description", "desc", "描述", "说明", "产品描述", "参数", "规格", "简介", "功能"]),
        (PartField.Package, ["package", "case", "footprint", "封装", "封装形式"]),
        (PartField.Datasheet, ["datasheet", "datasheeturl", "规格书", "数据手册", "手册", "链接"]),
        (PartField.Stock, ["stock", "qty", "quantity", "inventory", "onhand", "库存", "库存数量", "现货", "数量", "可用库存"]),
        (PartField.Price, ["price", "unitprice", "priceusd", "pricecny", "pricermb", "价格", "单价", "参考价", "报价", "含税单价", "未税单价"]),
        (PartField.LeadTime, ["leadtime", "lead", "deliverytime", "交期", "货期", "交货期", "供货周期"]),
        (PartField.Moq, ["moq", "minimumorder", "minorder", "minimumorderquantity", "最小起订量", "起订量", "最小订购量"]),
    ];

    public static string Key(string header)
    {
        var s = header.Trim().ToLowerInvariant();
        // "单价(元)" and "price (USD)": the unit in brackets does not name the column.
        var bracket = s.IndexOfAny(['(', '（', '[', '【']);
        if (bracket > 0) s = s[..bracket];
        return new string(s.Where(c => char.IsLetterOrDigit(c)).ToArray());
    }

    /// <summary>Column index per field (first matching header wins); attributes are every other non-empty header.</summary>
    public static (Dictionary<PartField, int> Fields, Dictionary<int, string> Attributes) Map(IReadOnlyList<string> headers)
    {
        var fields = new Dictionary<PartField, int>();
        var attributes = new Dictionary<int, string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var key = Key(headers[i]);
            var match = Known.Where(k => !fields.ContainsKey(k.Field) && k.Names.Contains(key)).Select(k => (PartField?)k.Field).FirstOrDefault();
            if (match is PartField f) fields[f] = i;
            else if (headers[i].Trim().Length > 0) attributes[i] = headers[i].Trim();
        }
        return (fields, attributes);
    }
}

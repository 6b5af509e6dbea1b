using System.Text;
using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Knowledge.Answers;

/// <summary>Renders a catalogue part: only facts the catalogue has; what it lacks is said, never filled in.</summary>
public static class PartFacts
{
    public static string Render(KnowledgeRecord r, bool en)
    {
        var sb = new StringBuilder();
        sb.Append("📦 ").Append(r.Mpn);
        if (r.Manufacturer is not null) sb.Append(en ? $" ({r.Manufacturer})" : $"（{r.Manufacturer}）");
        sb.Append('\n');
        var line = new List<string>();
        if (r.Category is not null) line.Add((en ? "Category: " : "分类：") + r.Category);
        if (r.Package is not null) line.Add((en ? "Package: " : "封装：") + r.Package);
        if (line.Count > 0) sb.Append(string.Join(" · ", line)).Append('\n');
        if (r.Description is not null) sb.Append(en ? "Description: " : "描述：").Append(Clip(r.Description, 200)).Append('\n');
        sb.Append(en ? "Stock: " : "库存：").Append(r.Stock ?? (en ? "not listed" : "未登记")).Append(" · ");
        sb.Append(en ? "Price: " : "价格：").Append(r.Price ?? (en ? "ask a rep for a quote" : "请联系销售报价")).Append('\n');
        sb.Append(en ? "Lead time: " : "交期：").Append(r.LeadTime ?? (en ? "not listed" : "未登记")).Append(" · ");
        sb.Append(en ? "MOQ: " : "最小起订量：").Append(r.Moq ?? (en ? "not listed" : "未登记")).Append('\n');
        if (r.Datasheet is not null) sb.Append(en ? "Datasheet: " : "规格书：").Append(r.Datasheet).Append('\n');
        sb.Append(en ? "Source: " : "来源：").Append(r.Source);
        return sb.ToString();
    }

    /// <summary>One line for a candidate list: number, maker, package, stock.</summary>
    public static string Line(KnowledgeRecord r, bool en)
    {
        var bits = new[] { r.Manufacturer, r.Package, r.Stock is null ? null : (en ? "stock " : "库存 ") + r.Stock }
            .Where(s => !string.IsNullOrWhiteSpace(s));
        return $"{r.Mpn} — {string.Join(" · ", bits)}";
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}

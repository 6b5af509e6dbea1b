using System.Text;
using Zhonghan.Core;
using Zhonghan.Core.Import;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Import;

/// <summary>Reads a lead file, maps its columns and runs the import; renders the report in Chinese.</summary>
public sealed class LeadImportRunner(LeadImporter importer)
{
    public ImportReport Run(Actor actor, string path, ImportOptions options, IReadOnlyDictionary<string, string>? columnMap = null)
    {
        var table = TableFile.Read(path);
        var map = ImportColumns.Map(table.Headers, columnMap);
        if (!map.ContainsValue(LeadField.Company))
            throw new CrmException(
                $"找不到公司名称列。文件的表头是：{string.Join("、", table.Headers)}。请把公司列命名为“公司”或“company”，或用 --map 表头=company 指定。",
                "No company column found; name it 'company' or map it with --map HEADER=company.");
        var rows = table.Rows.Select(cells =>
        {
            var row = new Dictionary<LeadField, string>();
            foreach (var (index, field) in map)
                if (index < cells.Count) row[field] = cells[index];
            return (IReadOnlyDictionary<LeadField, string>)row;
        });
        return importer.Import(actor, rows, options);
    }

    public static string Render(ImportReport r, bool dryRun)
    {
        var sb = new StringBuilder();
        if (r.Aborted is not null) sb.AppendLine($"❌ {r.Aborted}");
        sb.AppendLine(dryRun ? $"试运行（没有写入）：共 {r.Rows} 行，可导入 {r.Created} 条" : r.Committed ? $"✅ 导入完成：共 {r.Rows} 行，新建 {r.Created} 条线索" : $"共 {r.Rows} 行");
        sb.AppendLine($"重复 {r.Duplicates.Count} 行，拒绝 {r.Rejected.Count} 行");
        foreach (var d in r.Duplicates.Take(50)) sb.AppendLine($"  重复 第{d.Row}行 {d.Company}：{d.Reason}");
        if (r.Duplicates.Count > 50) sb.AppendLine($"  …另有 {r.Duplicates.Count - 50} 行重复");
        foreach (var d in r.Rejected.Take(50)) sb.AppendLine($"  拒绝 第{d.Row}行 {d.Company}：{d.Reason}");
        if (r.Rejected.Count > 50) sb.AppendLine($"  …另有 {r.Rejected.Count - 50} 行被拒绝");
        return sb.ToString().TrimEnd();
    }
}

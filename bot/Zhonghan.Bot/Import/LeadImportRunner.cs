using System.Text;
using Zhonghan.Core;
using Zhonghan.Core.Import;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Import;

/// <summary>An import's report and the path of its full .xlsx report.</summary>
public sealed record ImportOutcome(ImportReport Report, string ReportPath);

/// <summary>Reads a lead file, maps its columns and runs the import; writes the full report and renders its summary in Chinese.</summary>
public sealed class LeadImportRunner(LeadImporter importer, IUnitOfWorkFactory units, TimeProvider clock)
{
    /// <summary>The summary shows this many row lines; the .xlsx has them all.</summary>
    public const int SummaryLines = 10;

    /// <summary>Reads the file and imports its rows in one unit of work: every accepted row lands, or none does.</summary>
    public async Task<ImportReport> RunAsync(Actor actor, string path, ImportOptions options, IReadOnlyDictionary<string, string>? columnMap, CancellationToken ct)
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
        }).ToList();
        var report = await units.RunAsync(() => importer.Import(actor, rows, options), ct);
        report.UnknownColumns.AddRange(table.Headers.Where((h, i) => !map.ContainsKey(i) && !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()));
        return report;
    }

    /// <summary>Runs the import and writes the full report next to the input (or into <paramref name="reportFolder"/>).</summary>
    public async Task<ImportOutcome> RunWithReportAsync(Actor actor, string path, ImportOptions options, CancellationToken ct,
        IReadOnlyDictionary<string, string>? columnMap = null, string? reportFolder = null)
    {
        var report = await RunAsync(actor, path, options, columnMap, ct);
        var reportPath = ImportReportFile.PathFor(path, BusinessTime.LocalNow(clock), reportFolder);
        ImportReportFile.Write(reportPath, report, path, options.DryRun);
        return new ImportOutcome(report, reportPath);
    }

    /// <summary>The totals, the first <see cref="SummaryLines"/> row lines, unknown columns with the accepted headers.</summary>
    public static string Render(ImportReport r, bool dryRun)
    {
        var sb = new StringBuilder();
        if (r.Aborted is not null) sb.AppendLine($"❌ {r.Aborted}");
        sb.AppendLine(dryRun ? $"试运行（没有写入）：共 {r.Rows} 行，可导入 {r.Created} 条" : r.Committed ? $"✅ 导入完成：共 {r.Rows} 行，新建 {r.Created} 条线索" : $"共 {r.Rows} 行");
        if (r.New.Count > 0)
            sb.AppendLine("分配：" + string.Join("，", r.New.GroupBy(n => n.Reason).Select(g => $"{g.Key} {g.Count()} 条")));
        sb.AppendLine($"重复 {r.Duplicates.Count} 行，拒绝 {r.Rejected.Count} 行" + (r.Changed.Count > 0 ? $"，修改 {r.Changed.Count} 处" : ""));
        var lines = r.Rejected.Select(i => (i, Kind: "拒绝")).Concat(r.Duplicates.Select(i => (i, Kind: "重复"))).Concat(r.Changed.Select(i => (i, Kind: "修改")))
            .OrderBy(x => x.i.Row).ToList();
        foreach (var (i, kind) in lines.Take(SummaryLines)) sb.AppendLine($"- {kind} 第{i.Row}行 {RowSanitizer.Preview(i.Company)}：{i.Reason}");
        if (lines.Count > SummaryLines) sb.AppendLine($"- …另有 {lines.Count - SummaryLines} 行，见完整报告");
        if (r.UnknownColumns.Count > 0)
        {
            sb.AppendLine($"未识别的列（没有导入）：{string.Join("、", r.UnknownColumns)}。可用的表头：");
            foreach (var line in ImportColumns.AcceptedLines()) sb.AppendLine($"- {line}");
        }
        return sb.ToString().TrimEnd();
    }
}

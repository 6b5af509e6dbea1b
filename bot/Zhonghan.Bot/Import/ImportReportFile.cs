using MiniExcelLibs;
using Zhonghan.Core.Import;

namespace Zhonghan.Bot.Import;

/// <summary>
/// The full import report as an .xlsx: sheet 导入结果 has every row that was new, a duplicate, refused or changed,
/// with its reason; sheet 说明 has the totals, the columns that were not recognised and the headers that are.
/// </summary>
public static class ImportReportFile
{
    public const string ResultsSheet = "导入结果", NotesSheet = "说明";

    /// <summary>Next to the input: 线索-导入报告-20261130-093000.xlsx (business time, so reruns never overwrite).</summary>
    public static string PathFor(string input, DateTime localTime, string? folder = null) =>
        System.IO.Path.Combine(folder ?? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(input))!,
            $"{System.IO.Path.GetFileNameWithoutExtension(input)}-导入报告-{localTime:yyyyMMdd-HHmmss}.xlsx");

    public static void Write(string path, ImportReport report, string input, bool dryRun)
    {
        var sheets = new Dictionary<string, object>
        {
            [ResultsSheet] = Rows(report).ToList(),
            [NotesSheet] = Notes(report, input, dryRun).Select(n => new Dictionary<string, object> { ["项目"] = n.Key, ["内容"] = n.Value }).ToList(),
        };
        MiniExcel.SaveAs(path, sheets, overwriteFile: true);
    }

    private static IEnumerable<Dictionary<string, object>> Rows(ImportReport r) =>
        r.New.Select(i => (i, Kind: "新建", Why: $"负责人：{i.Reason}"))
            .Concat(r.Duplicates.Select(i => (i, Kind: "重复", Why: i.Reason)))
            .Concat(r.Rejected.Select(i => (i, Kind: "拒绝", Why: i.Reason)))
            .Concat(r.Changed.Select(i => (i, Kind: "已修改", Why: i.Reason)))
            .OrderBy(x => x.i.Row)
            .Select(x => new Dictionary<string, object> { ["行号"] = x.i.Row, ["结果"] = x.Kind, ["公司"] = x.i.Company, ["说明"] = x.Why });

    private static IEnumerable<KeyValuePair<string, string>> Notes(ImportReport r, string input, bool dryRun)
    {
        yield return new("文件", System.IO.Path.GetFileName(input));
        yield return new("结果", r.Aborted ?? (dryRun ? "试运行，没有写入" : r.Committed ? "已导入" : "没有导入"));
        yield return new("数据行", r.Rows.ToString());
        yield return new(dryRun ? "可新建" : "新建", r.Created.ToString());
        yield return new("重复", r.Duplicates.Count.ToString());
        yield return new("拒绝", r.Rejected.Count.ToString());
        yield return new("已修改的单元格", r.Changed.Count.ToString());
        yield return new("未识别的列（未导入）", r.UnknownColumns.Count == 0 ? "无" : string.Join("、", r.UnknownColumns));
        foreach (var line in ImportColumns.AcceptedLines()) yield return new("可用的表头", line);
    }
}

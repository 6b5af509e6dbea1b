using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using Zhonghan.Core.Parts;
using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Knowledge.Ingestion;

/// <summary>
/// Product catalogues in .csv (streamed; UTF-8 or GB18030; comma, semicolon or tab) and .xlsx (first sheet). The
/// header row may be preceded by title rows; it is the first row that has a part-number column. Rows without a
/// part number are skipped and counted.
/// </summary>
internal sealed class CatalogReader : IRecordReader
{
    public IReadOnlyList<string> Extensions => [".csv", ".xlsx"];

    /// <summary>Rows skipped in the last file read (no part number).</summary>
    public int Skipped { get; private set; }

    public IEnumerable<KnowledgeRecord> Read(string path, CancellationToken ct)
    {
        Skipped = 0;
        var rows = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? XlsxRows(path) : CsvRows(path);
        var name = Path.GetFileName(path);
        Dictionary<PartField, int>? fields = null;
        Dictionary<int, string> attributes = new();
        IReadOnlyList<string> headers = [];
        var rowNumber = 0;
        var ids = new HashSet<string>();
        foreach (var row in rows)
        {
            rowNumber++;
            ct.ThrowIfCancellationRequested();
            if (fields is null)
            {
                var (f, a) = CatalogColumns.Map(row);
                if (f.ContainsKey(PartField.Mpn)) { fields = f; attributes = a; headers = row; }
                else if (rowNumber >= 10) break;
                continue;
            }
            var mpn = Cell(row, fields, PartField.Mpn);
            if (mpn is null || Mpn.Norm(mpn).Length == 0) { Skipped++; continue; }
            var id = RecordIds.For(path, "p:" + Mpn.Norm(mpn));
            if (!ids.Add(id)) id = RecordIds.For(path, $"p:{Mpn.Norm(mpn)}:r{rowNumber}");
            var record = new KnowledgeRecord
            {
                Id = id, Kind = RecordKind.Part, File = path, Mpn = mpn.Trim(),
                Manufacturer = Cell(row, fields, PartField.Manufacturer), Category = Cell(row, fields, PartField.Category),
                Description = Cell(row, fields, PartField.Description), Package = Cell(row, fields, PartField.Package),
                Datasheet = Cell(row, fields, PartField.Datasheet), Stock = Cell(row, fields, PartField.Stock),
                Price = WithUnit(Cell(row, fields, PartField.Price), fields, headers, PartField.Price),
                LeadTime = Cell(row, fields, PartField.LeadTime), Moq = Cell(row, fields, PartField.Moq),
                Source = $"{name} 第{rowNumber}行",
            };
            foreach (var (i, header) in attributes)
                if (i < row.Count && row[i].Trim() is { Length: > 0 } v) record.Attributes[header] = v;
            record.Title = string.Join(' ', new[] { record.Mpn, record.Manufacturer }.Where(s => !string.IsNullOrWhiteSpace(s)));
            record.Text = string.Join(" · ", new[] { record.Category, record.Package, record.Description }.Where(s => !string.IsNullOrWhiteSpace(s)));
            yield return record;
        }
        if (fields is null)
            throw new KnowledgeException($"{name}：找不到型号列（表头应包含“型号”、“MPN”或“Part Number”）。",
                $"{name}: no part-number column (a header such as MPN, Part Number or 型号).");
    }

    private static string? Cell(IReadOnlyList<string> row, Dictionary<PartField, int> fields, PartField f) =>
        fields.TryGetValue(f, out var i) && i < row.Count && row[i].Trim() is { Length: > 0 } v ? v : null;

    // A price column named "price_usd" or "单价(元)" says its currency only in the header: keep it with the value.
    private static string? WithUnit(string? value, Dictionary<PartField, int> fields, IReadOnlyList<string> headers, PartField f)
    {
        if (value is null) return null;
        var header = headers[fields[f]].ToLowerInvariant();
        if (value.Any(c => c is '$' or '¥' or '￥' or '元') || value.Contains("USD", StringComparison.OrdinalIgnoreCase)) return value;
        if (header.Contains("usd") || header.Contains('$') || header.Contains("美元")) return $"US${value}";
        if (header.Contains("cny") || header.Contains("rmb") || header.Contains('元') || header.Contains('¥') || header.Contains('￥')) return $"¥{value}";
        return value;
    }

    private static IEnumerable<IReadOnlyList<string>> CsvRows(string path)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false, DetectDelimiter = true, DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim,
        };
        using var reader = TextDecoding.Open(path);
        using var csv = new CsvReader(reader, config);
        while (csv.Read()) yield return csv.Parser.Record ?? [];
    }

    private static IEnumerable<IReadOnlyList<string>> XlsxRows(string path)
    {
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false))
            yield return row.Values.Select(XlsxCell).ToList();
    }

    private static string XlsxCell(object? value) => value switch
    {
        null => "",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using Zhonghan.Core;

namespace Zhonghan.Bot.Import;

/// <summary>A spreadsheet read into a header row and data rows of strings.</summary>
public sealed record TableData(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Reads .xlsx (MiniExcel, first sheet) and .csv (CsvHelper; UTF-8 with or without BOM, else GB18030 as saved by
/// Chinese Excel; comma, semicolon or tab). Any unreadable file is a clear <see cref="CrmException"/>.
/// </summary>
public static class TableFile
{
    static TableFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TableData Read(string path)
    {
        if (!File.Exists(path)) throw new CrmException($"文件不存在：{path}", $"No such file: {path}");
        var ext = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return ext switch
            {
                ".xlsx" => ReadXlsx(path),
                ".csv" or ".txt" => ReadCsv(path),
                ".xls" => throw new CrmException("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入。", "Old .xls files are not supported; save as .xlsx."),
                _ => throw new CrmException($"不支持的文件类型“{ext}”，请使用 .xlsx 或 .csv。", $"Unsupported file type '{ext}': use .xlsx or .csv."),
            };
        }
        catch (CrmException) { throw; }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException
                                   or CsvHelperException or System.Xml.XmlException or ArgumentException or NullReferenceException)
        {
            throw new CrmException($"文件无法读取（{Path.GetFileName(path)}）：{e.Message}", $"The file could not be read: {e.Message}");
        }
    }

    private static TableData ReadXlsx(string path)
    {
        var rows = new List<IReadOnlyList<string>>();
        IReadOnlyList<string>? headers = null;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false))
        {
            var cells = row.Values.Select(Cell).ToList();
            if (headers is null)
            {
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                headers = cells;
                continue;
            }
            rows.Add(cells);
        }
        if (headers is null) throw new CrmException("文件是空的。", "The file is empty.");
        return new TableData(headers, rows);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static TableData ReadCsv(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Decode(bytes);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false, DetectDelimiter = true, DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim,
        };
        using var reader = new CsvReader(new StringReader(text), config);
        IReadOnlyList<string>? headers = null;
        var rows = new List<IReadOnlyList<string>>();
        while (reader.Read())
        {
            var record = reader.Parser.Record ?? [];
            if (headers is null)
            {
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                headers = record;
                continue;
            }
            rows.Add(record);
        }
        if (headers is null) throw new CrmException("文件是空的。", "The file is empty.");
        return new TableData(headers, rows);
    }

    /// <summary>UTF-8 (BOM or valid bytes), UTF-16 with BOM, else GB18030.</summary>
    internal static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { return Encoding.GetEncoding("GB18030").GetString(bytes); }
    }
}

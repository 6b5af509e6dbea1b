using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Zhonghan.Benchmarks.Knowledge;

/// <summary>One row of the evaluation catalogue (shared/data/parts-eval/catalog.csv; never shipped).</summary>
public sealed record CatalogRow(string Mpn, string Manufacturer, string Category, string Description, string Package, string Stock, string Price);

public static class EvalCatalogFile
{
    /// <summary>ZHONGHAN_PARTS_EVAL, else shared/data/parts-eval/catalog.csv found walking up from here or the working folder.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("ZHONGHAN_PARTS_EVAL") is { Length: > 0 } env && File.Exists(env)) return env;
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "shared", "data", "parts-eval", "catalog.csv");
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    public static List<CatalogRow> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var rows = new List<CatalogRow>();
        while (csv.Read())
            rows.Add(new CatalogRow(csv.GetField("mpn")!, csv.GetField("manufacturer")!, csv.GetField("category")!,
                csv.GetField("description")!, csv.GetField("package")!, csv.GetField("stock")!, csv.GetField("price_usd")!));
        return rows;
    }

    /// <summary>Writes rows as a catalogue csv with English headers (what an admin would import).</summary>
    public static void Write(string path, IEnumerable<CatalogRow> rows)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var h in new[] { "mpn", "manufacturer", "category", "description", "package", "stock", "price_usd" }) csv.WriteField(h);
        csv.NextRecord();
        foreach (var r in rows)
        {
            foreach (var f in new[] { r.Mpn, r.Manufacturer, r.Category, r.Description, r.Package, r.Stock, r.Price }) csv.WriteField(f);
            csv.NextRecord();
        }
    }
}

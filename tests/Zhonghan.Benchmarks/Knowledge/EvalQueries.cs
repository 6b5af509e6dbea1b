using Zhonghan.Core.Parts;

namespace Zhonghan.Benchmarks.Knowledge;

/// <summary>
/// One evaluation query: its kind, the text, and which catalogue parts (by normalised MPN) answer it. An empty
/// relevant set means the right answer is "not in our catalogue".
/// </summary>
public sealed record EvalQuery(string Kind, string Text, HashSet<string> Relevant);

/// <summary>
/// The query set, written from the catalogue by fixed rules and a fixed seed (so runs compare): exact MPNs,
/// lower-case / no-separator variants, packaging suffix dropped or added, family stems, Chinese and English
/// descriptions, and parts that are not in the catalogue.
/// </summary>
public static class EvalQueries
{
    public static readonly string[] Kinds =
        ["exact", "lower-nodash", "suffix-dropped", "suffix-added", "family", "descr-zh", "descr-en", "not-in-catalogue"];

    private static readonly Dictionary<string, (string Zh, string En)> CategoryWords = new()
    {
        ["MCU"] = ("单片机", "microcontroller"), ["Op-amp"] = ("运放", "op amp"), ["LDO"] = ("LDO稳压器", "LDO regulator"),
        ["DC-DC"] = ("DC-DC电源芯片", "DC-DC converter"), ["MOSFET"] = ("MOS管", "MOSFET"), ["RS-485"] = ("485收发器", "RS-485 transceiver"),
        ["CAN"] = ("CAN收发器", "CAN transceiver"), ["Digital isolator"] = ("数字隔离器", "digital isolator"),
        ["Gate driver"] = ("栅极驱动芯片", "gate driver"), ["Current-sense amp"] = ("电流检测放大器", "current sense amplifier"),
        ["ADC"] = ("模数转换器", "ADC"), ["MLCC"] = ("贴片电容", "ceramic capacitor"),
    };

    private static readonly Dictionary<string, string> BrandZh = new()
    {
        ["Texas Instruments"] = "德州仪器", ["Analog Devices"] = "亚德诺", ["STMicroelectronics"] = "意法半导体", ["NXP Semicon"] = "恩智浦",
        ["Infineon Technologies"] = "英飞凌", ["Murata Electronics"] = "村田", ["Samsung Electro-Mechanics"] = "三星", ["onsemi"] = "安森美",
    };

    // Real parts of lines the evaluation catalogue does not cover (modules, logic, memories, discretes, timers):
    // each is checked against the catalogue before use.
    private static readonly string[] ForeignParts =
    [
        "ESP32-WROOM-32E", "NE555DR", "ATMEGA328P-AU", "CH340G", "W25Q128JVSIQ", "1N4148W-7-F", "SS34", "LM7805CT", "NRF52832-QFAA-R",
        "AT24C02C-SSHM-T", "74HC595D,118", "SN74LVC1G14DBVR", "PCF8563T/5,518", "DS3231SN#", "MAX232CPE+", "BSS138LT1G", "MMBT3904LT1G",
        "SMBJ15A", "P6KE6.8A", "B0540W-7-F", "XC6206P332MR", "CP2102N-A02-GQFN28", "FT232RL-REEL", "USBLC6-2SC6", "ESD9B5.0ST5G",
        "TL431AIDBZR", "LMV7219M5", "TXS0108EPWR", "PCA9685PW,118", "MCP2515-I/SO", "W5500", "SX1278", "HC-05", "RC0603FR-0710KL",
        "CRCW060310K0FKEA", "ERJ-3EKF1002V", "SRR1260-100M", "CD54-220M", "ABM8-25.000MHZ-B2-T", "X322516MLB4SI",
    ];

    public static List<EvalQuery> Build(IReadOnlyList<CatalogRow> rows, int perKind, int seed = 20261128)
    {
        var rng = new Random(seed);
        var norms = rows.Select(r => Mpn.Norm(r.Mpn)).ToHashSet();
        var byBase = rows.GroupBy(r => Mpn.Base(r.Mpn)).ToDictionary(g => g.Key, g => g.Select(r => Mpn.Norm(r.Mpn)).ToHashSet());
        var sortedNorms = norms.Order(StringComparer.Ordinal).ToArray();
        var queries = new List<EvalQuery>();
        HashSet<string> Same(CatalogRow r) => byBase[Mpn.Base(r.Mpn)];
        List<CatalogRow> Sample(IEnumerable<CatalogRow> from, int n) => from.OrderBy(_ => rng.Next()).Take(n).ToList();

        foreach (var r in Sample(rows, perKind)) queries.Add(new("exact", r.Mpn, Same(r)));
        foreach (var r in Sample(rows.Where(r => r.Mpn.Any(char.IsLetter)), perKind))
            queries.Add(new("lower-nodash", new string(r.Mpn.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray()), Same(r)));
        foreach (var r in Sample(rows.Where(r => Mpn.Base(r.Mpn) != Mpn.Norm(r.Mpn)), perKind))
            queries.Add(new("suffix-dropped", DropSuffix(r.Mpn), Same(r)));
        string[] added = ["-TR", "/TR", "#PBF", "+T", "-REEL7", ",215"];
        foreach (var r in Sample(rows.Where(r => Mpn.Base(r.Mpn) == Mpn.Norm(r.Mpn) && Mpn.Norm(r.Mpn).Length >= 5), perKind))
            queries.Add(new("suffix-added", r.Mpn + added[rng.Next(added.Length)], Same(r)));

        foreach (var r in Sample(rows, perKind * 3))
        {
            if (queries.Count(q => q.Kind == "family") >= perKind) break;
            var stem = Stem(Mpn.Norm(r.Mpn), sortedNorms);
            if (stem is null) continue;
            var members = sortedNorms.Where(n => n.StartsWith(stem, StringComparison.Ordinal) && n != stem).ToHashSet();
            queries.Add(new("family", stem, members));
        }

        foreach (var (kind, zh) in new[] { ("descr-zh", true), ("descr-en", false) })
            foreach (var r in Sample(rows.Where(r => r.Description.Length > 0), perKind * 2))
            {
                if (queries.Count(q => q.Kind == kind) >= perKind) break;
                var attrs = Attributes(r).OrderBy(_ => rng.Next()).Take(2).ToList();
                if (attrs.Count < 2) continue;
                var (czh, cen) = CategoryWords[r.Category];
                var brand = zh && BrandZh.TryGetValue(r.Manufacturer, out var b) ? b : r.Manufacturer.Split(' ', '(')[0];
                var text = zh ? $"有没有{brand}的{czh}，{r.Package}封装，{string.Join(" ", attrs)}？"
                              : $"do you have a {brand} {cen} in {r.Package}, {string.Join(", ", attrs)}";
                var relevant = rows.Where(x => x.Category == r.Category && x.Manufacturer == r.Manufacturer && x.Package == r.Package
                                               && attrs.All(a => x.Description.Split(' ').Contains(a))).Select(x => Mpn.Norm(x.Mpn)).ToHashSet();
                queries.Add(new(kind, text, relevant));
            }

        var notIn = new List<string>();
        foreach (var p in ForeignParts) if (Unknown(p, norms, byBase)) notIn.Add(p);
        foreach (var r in Sample(rows, perKind * 3))
        {
            if (notIn.Count >= perKind) break;
            if (Mutate(r.Mpn, rng) is { } m && Unknown(m, norms, byBase)) notIn.Add(m);
        }
        queries.AddRange(notIn.Take(perKind).Select(p => new EvalQuery("not-in-catalogue", rng.Next(2) == 0 ? p : $"{p} 有现货吗", [])));
        return queries;
    }

    /// <summary>The MPN cut at its packaging suffix, as typed by someone who leaves the suffix off.</summary>
    private static string DropSuffix(string mpn)
    {
        var b = Mpn.Base(mpn);
        for (var i = mpn.Length - 1; i > 0; i--)
            if (Mpn.Norm(mpn[..i]) == b) return mpn[..i].TrimEnd('-', '/', '#', ',', '+');
        return b;
    }

    /// <summary>The longest proper prefix (≥ 5 characters, ending before the last 2) that at least two catalogue parts share.</summary>
    private static string? Stem(string norm, string[] sorted)
    {
        for (var len = norm.Length - 2; len >= 5; len--)
        {
            var prefix = norm[..len];
            var count = sorted.Count(n => n.StartsWith(prefix, StringComparison.Ordinal) && n != prefix);
            if (count >= 2 && !sorted.Contains(prefix)) return prefix;
        }
        return null;
    }

    private static IEnumerable<string> Attributes(CatalogRow r) => r.Description.Split(' ')
        .Where(t => t.Length >= 2 && !t.Contains('℃') && t != "ROHS" && t != r.Package && t.Any(char.IsLetter)
                    && !t.Contains("Converters") && !t.Contains("MOSFETs") && t.All(c => c < 0x2E80))
        .Distinct();

    /// <summary>One digit in the middle changed: a plausible typo or a part of another maker.</summary>
    private static string? Mutate(string mpn, Random rng)
    {
        var digits = Enumerable.Range(1, Math.Max(0, mpn.Length - 2)).Where(i => char.IsDigit(mpn[i])).ToList();
        if (digits.Count == 0) return null;
        var at = digits[rng.Next(digits.Count)];
        var d = (char)('0' + (mpn[at] - '0' + 1 + rng.Next(8)) % 10);
        return mpn[..at] + d + mpn[(at + 1)..];
    }

    private static bool Unknown(string p, HashSet<string> norms, Dictionary<string, HashSet<string>> byBase) =>
        !norms.Contains(Mpn.Norm(p)) && !byBase.ContainsKey(Mpn.Base(p));
}

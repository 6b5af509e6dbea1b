using System.Text;
using System.Text.RegularExpressions;

namespace Zhonghan.Core.Parts;

/// <summary>A part-number-like token found in a question: as typed, normalised, and its base form.</summary>
public sealed record PartToken(string Raw, string Norm, string Base)
{
    /// <summary>Strong: long enough and shaped like a part number, not a package code or a value with a unit.</summary>
    public bool Strong { get; init; }
}

/// <summary>
/// Takes part numbers out of free text before any word splitting (segmenters and analyzers split at '-', '/', ',').
/// Package codes (SOT-23, LQFP48), values with units (100nF, 3.3V, 570kHz) and sizes (0603) are kept as weak
/// tokens: they may still hit a part exactly, but a miss on them does not mean "a part we do not carry".
/// </summary>
public static partial class PartTokens
{
    // Letters, digits and the separators that occur inside part numbers; a comma only before an NXP 3-digit code.
    [GeneratedRegex(@"[A-Za-z0-9µ](?:[A-Za-z0-9µ\-_/.+#()]|,(?=\d{3}(?![0-9])))*[A-Za-z0-9+)]|[A-Za-z0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    // A number followed only by letters is a value with a unit (100NF, 3A, 128KB, 2MHZ, 12BIT, 20VV from 20V/V) or a
    // size (0603); real part numbers mix further digits in (2N7002, 78L05).
    [GeneratedRegex(@"^(?:\d+[A-Z%]{0,6}|\d+[VA]\d+|\d+X\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ValueWithUnit();

    [GeneratedRegex(@"^(?:SOT|SOIC|SOP|SSOP|TSSOP|MSOP|QFN|DFN|VQFN|WQFN|LQFP|TQFP|QFP|BGA|LGA|TO|DIP|PDIP|SIP|SON|WSON|VSON|HSOP|ESOP|DPAK|D2PAK|DO|SOD|SMA|SMB|SMC|UDFN|LFCSP|CSP|WLCSP|PQFN|HVSON|SC|USON|X2SON|SO|VSSOP|HVSSOP|TDFN|DSBGA|UQFN|TQFN|XQFN|HTSSOP|PQFP|MSOP|PFDN|PDFN|SOT23|TSOT|HSOP|DSO|TSON|SIL|LLP|MLP|MLF|QSOP|TSSOP|SOIC|SOJ|PLCC|TO220|TO252|TO263|TO247|TO92)\d+[A-Z0-9]*$|^(?:X7R|X5R|C0G|NP0|Y5V|X7S|X6S|X8R|RS485|RS232|RS422|I2C|I2S|USB2|USB3|CAN2|CANFD|CAN20|ROHS|ARMV7|ARMV8|CORTEXM0|CORTEXM3|CORTEXM4|CORTEXM7|M0|M3|M4|M7|IPC2221|AEC|Q100|Q101|AECQ100|AECQ200|3V3|1V8|2V5|5V0)$", RegexOptions.CultureInvariant)]
    private static partial Regex PackageOrTerm();

    /// <summary>All part-number candidates in the text, strongest first, without duplicates.</summary>
    public static IReadOnlyList<PartToken> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var folded = text.Normalize(NormalizationForm.FormKC);
        var seen = new HashSet<string>();
        var found = new List<PartToken>();
        foreach (Match m in Candidate().Matches(folded))
        {
            var raw = m.Value.Trim('(', ')', '.', '/', '-');
            Add(raw);
            // "STM32F103C8T6（ST）": also try the part without a trailing bracketed maker.
            if (raw.IndexOf('(') is > 3 and var cut) Add(raw[..cut]);
        }
        void Add(string raw)
        {
            var norm = Mpn.Norm(raw);
            if (!Mpn.LooksLikePart(norm) || !seen.Add(norm)) return;
            var weak = ValueWithUnit().IsMatch(norm) || PackageOrTerm().IsMatch(norm);
            found.Add(new PartToken(raw, norm, Mpn.Base(raw)) { Strong = !weak && norm.Length >= 5 });
        }
        return found.OrderByDescending(t => t.Strong).ThenByDescending(t => t.Norm.Length).ToList();
    }
}

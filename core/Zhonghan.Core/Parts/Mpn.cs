using System.Text;

namespace Zhonghan.Core.Parts;

/// <summary>
/// Manufacturer part numbers: the normal form (case, separators, µ → u), the base form with packaging suffixes
/// stripped, and extraction of part-number-like tokens from a question.
/// </summary>
public static class Mpn
{
    // Packaging / lead-free suffixes at their delimiter. Order matters: longer first. Second-source maker suffixes
    // (-VB, -JSM, -HXY, (UMW)) are NOT here: those are different parts from different makers.
    private static readonly string[] DelimitedSuffixes =
    [
        "#TRMPBF", "#TRPBF", "#PBF", "#TR",               // Analog Devices / LTC
        "/NOPB",                                            // TI lead-free marker
        "-REEL7", "-REEL", "-RL7", "-RL", "/R7", "-R7",    // ADI / Microchip reels
        "-TR", "/TR", "-T&R",                               // tape and reel
        ",215", ",235", ",118", ",115", ",135", ",165", ",518", // NXP 12NC packing codes
        "-GE3", "-E3",                                      // Vishay lead-free
        "/2K5", "/3K", "/250",                              // TI reel quantities
        "+T", "+",                                          // Maxim lead-free (+) and tape (+T)
    ];

    /// <summary>Upper-case, µ → u, only A–Z and 0–9 kept.</summary>
    public static string Norm(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        foreach (var raw in s.Normalize(NormalizationForm.FormKC))
        {
            var c = raw is 'µ' or 'μ' ? 'U' : char.ToUpperInvariant(raw);
            if (c is >= 'A' and <= 'Z' or >= '0' and <= '9') sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The part without its packaging suffix, normalised: <c>LT1763CS8-3.3#TRPBF</c> → <c>LT1763CS833</c>,
    /// <c>BAT54S,215</c> → <c>BAT54S</c>, <c>STM32F103C8T6TR</c> → <c>STM32F103C8T6</c>.
    /// </summary>
    public static string Base(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var t = s.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();
        bool stripped;
        do
        {
            stripped = false;
            foreach (var suffix in DelimitedSuffixes)
            {
                if (t.Length > suffix.Length + 3 && t.EndsWith(suffix, StringComparison.Ordinal))
                {
                    t = t[..^suffix.Length];
                    stripped = true;
                    break;
                }
            }
        } while (stripped);
        var n = Norm(t);
        return StripGluedTr(n);
    }

    // A trailing "TR" glued to the part (ST's STM32F103C8T6TR, L7986TR) is tape-and-reel. Only after a digit or a
    // letter that ends a package code, and only on parts long enough that the rest is still a part number: measured
    // on the evaluation catalogue, it merges no two different catalogue parts (see docs/knowledge.md).
    private static string StripGluedTr(string n) =>
        n.Length >= 8 && n.EndsWith("TR", StringComparison.Ordinal) && char.IsAsciiLetterOrDigit(n[^3]) ? n[..^2] : n;

    /// <summary>True when the normal form is long enough and mixes letters and digits, like a part number.</summary>
    public static bool LooksLikePart(string normalised) =>
        normalised.Length >= 4 && normalised.Any(char.IsAsciiLetter) && normalised.Any(char.IsAsciiDigit);
}

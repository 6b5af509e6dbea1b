using System.Globalization;
using System.Text;

namespace Zhonghan.Core.Customers;

/// <summary>
/// Names as stored and shown (companies, contacts, users), as pure functions. Control characters, zero-width and
/// bidirectional-override characters are taken out: "RTL…\u202E司公限有技科" would otherwise display as another
/// company's name. Whitespace runs become one space. The raw text goes to the audit line in <see cref="Visible"/> form.
/// </summary>
public static class NameText
{
    public static string Clean(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var sb = new StringBuilder(name.Length);
        var space = false;
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune)) { space = sb.Length > 0; continue; }
            if (IsHidden(rune)) continue;
            if (space) { sb.Append(' '); space = false; }
            sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>The raw text with every hidden character written as \uXXXX, so an audit reader sees what was sent.</summary>
    public static string Visible(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var sb = new StringBuilder(raw.Length);
        foreach (var rune in raw.EnumerateRunes())
        {
            if (IsHidden(rune)) sb.Append($"\\u{rune.Value:X4}");
            else sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>The audit wording: the clean name, plus the raw one when cleaning changed it.</summary>
    public static string ForAudit(string clean, string? raw) =>
        raw is null || raw.Trim() == clean ? clean : $"{clean}（原文 {Visible(raw)}）";

    /// <summary>Control (Cc) and format (Cf: zero-width, bidi embeddings, overrides and isolates, BOM) characters.</summary>
    private static bool IsHidden(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format;
}

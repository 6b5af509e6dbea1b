using Zhonghan.Core.Customers;

namespace Zhonghan.Core.Import;

/// <summary>A row after sanitising: the cleaned cells, why it is refused (if it is), and what was changed.</summary>
public sealed record SanitizedRow(IReadOnlyDictionary<LeadField, string> Cells, string? Refusal, IReadOnlyList<string> Changes);

/// <summary>
/// Keeps spreadsheet formulas out of the CRM (CSV/formula injection, OWASP): a cell that starts with <c>=</c> is a
/// formula and refuses its row — <c>=HYPERLINK("http://evil.example/x","点我领取")</c> is no company name; a
/// leading <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return is stripped and the change reported (<c>-</c> is a
/// common "none" placeholder, <c>@</c> a WeChat handle). A phone such as <c>+86 138 0013 8000</c> keeps its plus.
/// Phones are checked as <c>新建线索</c> checks them: digits, spaces, <c>-+()</c>, 7 to 15 digits.
/// </summary>
public static class RowSanitizer
{
    private static readonly char[] Neutralised = ['+', '-', '@', '\t', '\r'];

    public static SanitizedRow Clean(IReadOnlyDictionary<LeadField, string> row)
    {
        var cells = new Dictionary<LeadField, string>();
        var changes = new List<string>();
        foreach (var (field, raw) in row)
        {
            var value = raw.Trim();
            var name = ImportColumns.Chinese(field);
            if (value.StartsWith('='))
                return new SanitizedRow(cells, $"{name}是公式（{Preview(value)}），已拒绝：表格公式不能导入", changes);
            if (value.Length > 0 && Neutralised.Contains(value[0]) && !(field == LeadField.Phone && PhoneNumber.LooksLikePhone(value)))
            {
                var stripped = value.TrimStart([.. Neutralised, ' ']);
                if (stripped.StartsWith('='))
                    return new SanitizedRow(cells, $"{name}是公式（{Preview(value)}），已拒绝：表格公式不能导入", changes);
                changes.Add($"{name}开头的“{value[..(value.Length - stripped.Length)].Trim()}”已去掉（防止表格公式）：{Preview(value)} → {Preview(stripped)}");
                value = stripped;
            }
            cells[field] = value;
        }
        if (cells.TryGetValue(LeadField.Phone, out var phone) && phone.Length > 0 && !PhoneNumber.LooksLikePhone(phone))
            return new SanitizedRow(cells, $"电话号码无效：{Preview(phone)}（应为 7–15 位数字，可含空格、-、+、括号）", changes);
        return new SanitizedRow(cells, null, changes);
    }

    /// <summary>The cell as quoted in a report: at most 40 characters.</summary>
    public static string Preview(string value) => value.Length <= 40 ? value : value[..39] + "…";
}

using System.Text.RegularExpressions;

namespace Zhonghan.Core.Understanding;

/// <summary>The pay period asked about: 本季度 / this quarter / Q4 → quarter; 本月 / 这个月 / this month → month.</summary>
internal static partial class Periods
{
    public static PayPeriod? Of(string lower) =>
        Quarter().IsMatch(lower) ? PayPeriod.Quarter : Month().IsMatch(lower) ? PayPeriod.Month : null;

    [GeneratedRegex(@"季度|本季|这季|\bquarter\b|\bq[1-4]\b|(?<![a-z])q[1-4](?![0-9])")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"月|\bmonth\b")]
    private static partial Regex Month();
}

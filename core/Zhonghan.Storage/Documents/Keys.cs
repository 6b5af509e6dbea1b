using System.Globalization;

namespace Zhonghan.Storage.Documents;

/// <summary>
/// Index key parts that sort as their values do under ordinal comparison: fixed-width numbers and times, joined
/// with '|'. A range "everything of owner 12" is <c>[Keys.Prefix(Keys.Int(12)), …]</c>.
/// </summary>
public static class Keys
{
    public const char Separator = '|';
    /// <summary>Sorts after every key part we write (used to close a prefix range).</summary>
    public const string Last = "\uffff";

    /// <summary>A non-negative number, zero-padded to 10 digits (ids fit).</summary>
    public static string Int(long n) => n < 0 ? throw new ArgumentOutOfRangeException(nameof(n)) : n.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>A UTC time to the tick: 2026-12-07T01:00:00 → "20261207010000.0000000".</summary>
    public static string Time(DateTime utc) => utc.ToUniversalTime().ToString("yyyyMMddHHmmss.fffffff", CultureInfo.InvariantCulture);

    /// <summary>An optional time: null sorts after every time ("no date" lists last).</summary>
    public static string Time(DateTime? utc) => utc is DateTime t ? Time(t) : "~";

    public static string Join(params string[] parts) => string.Join(Separator, parts);

    /// <summary>Everything starting with <paramref name="parts"/> joined, as a range.</summary>
    public static KeyRange Prefix(params string[] parts)
    {
        var p = Join(parts) + Separator;
        return new KeyRange(p, p + Last);
    }
}

/// <summary>An inclusive key range, read in ascending or descending key order.</summary>
public sealed record KeyRange(string Low, string High, bool Descending = false)
{
    public static KeyRange Exactly(string key) => new(key, key);

    public static KeyRange StartsWith(string prefix) => new(prefix, prefix + Keys.Last);

    public KeyRange Reversed() => this with { Descending = !Descending };

    public bool IsExact => Low == High;

    public bool Contains(string key) =>
        string.CompareOrdinal(key, Low) >= 0 && string.CompareOrdinal(key, High) <= 0;
}

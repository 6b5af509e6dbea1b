using System.Text;
using System.Text.RegularExpressions;

namespace Zhonghan.Core.Customers;

/// <summary>A phone as checked: its comparison key ("" when none or invalid) and, when invalid, why.</summary>
public readonly record struct PhoneCheck(string Key, string? Error);

/// <summary>
/// Phone numbers, as pure functions. Accepted: mainland mobiles (11 digits, leading 1), mainland landlines with their
/// area code (and an extension: 转 / 分机 / ext / x / #), +86 / 0086 forms, Taiwan numbers (+886 / 00886), and other
/// international numbers in +country form. The key compares them: mainland numbers as digits (13800138000,
/// 02168881234), others as +country digits (+886912345678); extensions are not part of it.
/// </summary>
public static partial class PhoneNumber
{
    public static string Normalize(string? phone) => Check(phone).Key;

    /// <summary>Why the phone is refused, Chinese then English; null when it is valid or empty.</summary>
    public static string? Problem(string? phone) => Check(phone).Error;

    public static PhoneCheck Check(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return new("", null);
        var raw = phone.Normalize(NormalizationForm.FormKC).Trim();
        var main = Extension().Match(raw) is { Success: true } ext ? raw[..ext.Index] : raw;
        if (main.Any(char.IsLetter))
            return new("", $"电话号码“{raw}”里有字母：电话只能是数字（可带 +86、+886、区号和分机号）。/ The phone number '{raw}' contains letters.");
        if (main.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '(' or ')' or '+' or '.')))
            return Invalid(raw);
        var digits = new string(main.Where(char.IsAsciiDigit).ToArray());
        var plus = main.TrimStart().StartsWith('+');
        if (!plus && digits.StartsWith("00", StringComparison.Ordinal)) { digits = digits[2..]; plus = true; }
        string? key;
        if (plus && digits.StartsWith("886", StringComparison.Ordinal)) key = Taiwan(digits[3..]);
        else if (plus && digits.StartsWith("86", StringComparison.Ordinal)) key = Mainland(digits[2..], international: true);
        else if (plus) key = digits.Length is >= 8 and <= 15 ? "+" + digits : null;
        else if (digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal)) key = Mainland(digits[2..], international: true);
        else key = Mainland(digits, international: false);
        return key is null ? Invalid(raw) : new(key, null);
    }

    /// <summary>
    /// A token that is meant as a phone (mostly digits, at least 7 of them), so that a wrong one is refused with a
    /// clear message instead of being taken for a name.
    /// </summary>
    public static bool LooksLikePhone(string token)
    {
        var t = token.Normalize(NormalizationForm.FormKC).Trim();
        if (t.Length is < 7 or > 30) return false;
        var digits = t.Count(char.IsAsciiDigit);
        return digits >= 7 && digits * 2 >= t.Count(char.IsLetterOrDigit);
    }

    private static PhoneCheck Invalid(string raw) => new("",
        $"电话号码“{raw}”无效：手机号是 1 开头的 11 位数字，座机要带区号（如 021-5555 6666 转 123），台湾号码写成 +886 开头。/ The phone number '{raw}' is not valid.");

    /// <summary>National digits: a mobile 1[3-9]+9 digits; a landline 0 + area code + 7–8 digits (with +86 the 0 is left out).</summary>
    private static string? Mainland(string national, bool international)
    {
        if (national.Length == 11 && national[0] == '1' && national[1] is >= '3' and <= '9') return national;
        if (international && national.Length > 0 && national[0] != '0') national = "0" + national;
        return national.Length is >= 10 and <= 12 && national[0] == '0' && national[1] != '0' ? national : null;
    }

    /// <summary>Taiwan: a mobile 9 + 8 digits; a landline area code 2–8 and 7–8 more digits (a leading 0 is dropped).</summary>
    private static string? Taiwan(string national)
    {
        if (national.StartsWith('0')) national = national[1..];
        if (national.Length == 9 && national[0] == '9') return "+886" + national;
        return national.Length is >= 8 and <= 9 && national[0] is >= '2' and <= '8' ? "+886" + national : null;
    }

    [GeneratedRegex(@"\s*(转|分机|ext\.?|x|#)\s*\d{1,6}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Extension();
}

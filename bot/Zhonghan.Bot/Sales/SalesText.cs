using Zhonghan.Core;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

/// <summary>Parsing the small values sales commands take: amounts (¥1.2万, 50000), quantities (10k, 1万), document numbers (Q12, S3, O7).</summary>
public static class SalesText
{
    public static decimal Amount(string text)
    {
        var t = text.Trim().TrimStart('¥', '￥').Replace(",", "").Replace("，", "").Replace("元", "");
        var factor = 1m;
        if (t.EndsWith('万')) { factor = 10_000m; t = t[..^1]; }
        else if (t.EndsWith('k') || t.EndsWith('K')) { factor = 1_000m; t = t[..^1]; }
        if (!decimal.TryParse(t, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) || v <= 0)
            throw new CrmException($"金额“{text}”看不懂，请写数字，例如 12500 或 1.25万。", $"'{text}' is not an amount.");
        return Math.Round(v * factor, 4);
    }

    public static long Quantity(string text)
    {
        var t = text.Trim().Replace(",", "").Replace("pcs", "", StringComparison.OrdinalIgnoreCase).Replace("个", "").Replace("片", "");
        var factor = 1L;
        if (t.EndsWith('万')) { factor = 10_000; t = t[..^1]; }
        else if (t.EndsWith('k') || t.EndsWith('K')) { factor = 1_000; t = t[..^1]; }
        if (!decimal.TryParse(t, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) || v <= 0 || v * factor > 1_000_000_000_000)
            throw new CrmException($"数量“{text}”看不懂，请写正整数，例如 10000、10k 或 1万。", $"'{text}' is not a quantity.");
        return (long)Math.Round(v * factor);
    }

    /// <summary>"Q12", "q12", "#12", "12" → 12 for the given prefix letter.</summary>
    public static int Number(string text, char prefix, string what)
    {
        var t = text.Trim().TrimStart('#');
        if (t.Length > 0 && char.ToUpperInvariant(t[0]) == prefix) t = t[1..];
        return int.TryParse(t, out var n) && n > 0 ? n : throw new CrmException($"{what}编号“{text}”不对，例如 {prefix}12。", $"'{text}' is not a {what} number.");
    }

    public static string Path(Opportunity o)
    {
        var at = Array.IndexOf(Stages.Pipeline, o.Stage);
        if (o.Stage == Stage.Won) at = Stages.Pipeline.Length;
        if (o.Stage == Stage.Lost) at = o.History.Count > 0 ? Array.IndexOf(Stages.Pipeline, o.History[^1].From) : 0;
        var parts = Stages.Pipeline.Select((s, i) => i < at ? $"{s.Chinese()}✓" : i == at ? $"【{s.Chinese()}】" : s.Chinese());
        var path = string.Join(" → ", parts);
        return o.Stage switch { Stage.Won => path + " → 【赢单】", Stage.Lost => path + $" ✗ 丢单（{o.LostReason}）", _ => path };
    }
}

using System.Text.RegularExpressions;

namespace Zhonghan.Core.Understanding;

/// <summary>A reminder's slots: when (the first date, 明天 / 下班前 / 半小时后), what (the rest), and the customer it names.</summary>
internal static partial class ReminderReader
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "了", "吧", "的", "一下", "to", "me", "要" };

    public static Meaning Read(Utterance u)
    {
        var date = u.Dates.FirstOrDefault();
        var rest = new Remainder(u).Take(Cue()).Take(Filler());
        if (date is not null) rest.Take(date.Start, date.Length);
        var content = rest.Text(Particles);
        if (content is not null) content = LeadingTo().Replace(content, "");
        return new Meaning
        {
            Text = u.Original,
            RemindAt = date is null ? null : new DateMention(u.Slice(date.Start, date.Length), date.Start, date.Length, date.Reading),
            Content = string.IsNullOrWhiteSpace(content) ? null : content,
            Customer = Subjects.Of(u, rest.FirstFree).Customer,
        };
    }

    [GeneratedRegex(@"提醒我|提醒一下|设个?提醒|提醒|提示我|remind me|\bremind\b|叫我")]
    private static partial Regex Cue();

    [GeneratedRegex(@"^\s*(?:别忘了|记得|帮我|请|麻烦)+")]
    private static partial Regex Filler();

    [GeneratedRegex(@"^(?:to|要)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingTo();
}

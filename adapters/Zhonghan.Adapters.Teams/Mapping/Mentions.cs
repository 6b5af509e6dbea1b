using System.Text.RegularExpressions;
using Zhonghan.Adapters.Teams.Model;

namespace Zhonghan.Adapters.Teams.Mapping;

/// <summary>
/// Mention handling as the Bot Framework does it (botbuilder <c>RemoveRecipientMention</c> and
/// <c>NormalizeMentionsMiddleware</c>): the bot's own mention is removed using each mention entity's <c>text</c>,
/// other <c>&lt;at&gt;Name&lt;/at&gt;</c> tags are unwrapped to the name, and the result is trimmed.
/// </summary>
public static partial class Mentions
{
    public static string Clean(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)) continue;
            if (botId is null || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase)) continue;
            var mention = !string.IsNullOrEmpty(entity.Text) ? entity.Text
                : entity.Mentioned?.Name is { Length: > 0 } name ? $"<at>{name}</at>" : null;
            if (mention is not null) text = text.Replace(mention, "", StringComparison.OrdinalIgnoreCase);
        }
        text = AtTag().Replace(text, m => m.Groups[1].Value);
        return text.Trim();
    }

    [GeneratedRegex("<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();
}

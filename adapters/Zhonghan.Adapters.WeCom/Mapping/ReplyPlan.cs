using System.Text;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom.Mapping;

/// <summary>
/// How a turn's replies reach WeCom: a card update (after a button press), the messages, and — when they are all
/// plain text that fits one message — the text of a passive reply (the callback's own HTTP answer, no API call).
/// </summary>
public sealed record ReplyPlan(Card? CardUpdate, IReadOnlyList<Reply> Messages, string? PassiveText)
{
    public static ReplyPlan For(IReadOnlyList<Reply> replies, bool cardAction)
    {
        Card? update = null;
        var messages = new List<Reply>();
        foreach (var r in replies)
        {
            if (cardAction && update is null && r is { UpdatesCard: true, Card: not null })
            {
                update = r.Card;
                if (!string.IsNullOrWhiteSpace(r.Text)) messages.Add(Reply.Of(r.Text));
                continue;
            }
            messages.Add(r);
        }
        string? passive = null;
        if (messages.Count > 0 && messages.All(m => m.Card is null))
        {
            var text = string.Join("\n\n", messages.Select(m => m.Text).Where(t => !string.IsNullOrWhiteSpace(t)));
            if (text.Length > 0 && Encoding.UTF8.GetByteCount(text) <= CardText.TextMaxBytes) passive = text;
        }
        return new ReplyPlan(update, messages, passive);
    }
}

using Zhonghan.Adapters.Teams.Model;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.Teams.Mapping;

/// <summary>
/// Splits the replies to an Action.Execute press into the HTTP answer and the messages to post. A reply that updates
/// the card becomes the answer (the returned card replaces the pressed one). A lone short text answering a decision
/// button (already handled, not yours, expired) is shown on the card as a message. Everything else is posted to the chat,
/// just as if the user had typed the command.
/// </summary>
public static class CardInvokeAnswer
{
    private const int MaxInlineMessage = 200;

    public static (AdaptiveCardInvokeResponse Response, IReadOnlyList<Reply> ToPost) From(string actionId, IReadOnlyList<Reply> replies)
    {
        var update = replies.FirstOrDefault(r => r is { UpdatesCard: true, Card: not null });
        if (update is not null)
            return (AdaptiveCardInvokeResponse.Card(AdaptiveCardRenderer.Render(update.Card!)), replies.Where(r => r != update).ToList());
        if (actionId == "act" && replies is [{ Card: null } only] && only.Text.Length is > 0 and <= MaxInlineMessage)
            return (AdaptiveCardInvokeResponse.Message(only.Text), []);
        return (AdaptiveCardInvokeResponse.Message("✓"), replies);
    }
}

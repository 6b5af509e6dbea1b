using Microsoft.Extensions.Logging;
using Zhonghan.Adapters.Teams.Mapping;
using Zhonghan.Adapters.Teams.Model;
using Zhonghan.Core.Conversations;
using Zhonghan.Adapters.Teams.Api;

namespace Zhonghan.Adapters.Teams.Messaging;

/// <summary>
/// Answers an inbound activity through the Connector: each reply is posted as a reply to it (Teams threads channel
/// replies by the conversation id). A reply that updates the pressed card replaces that card message (PUT) when the
/// press came as an Action.Submit message; when the card cannot be replaced, the reply is posted instead.
/// </summary>
public sealed class TeamsReplier(ConnectorClient connector, ILogger<TeamsReplier> log)
{
    public async Task<SendResult> ReplyAsync(Activity inbound, IReadOnlyList<Reply> replies, CancellationToken ct)
    {
        var target = ConversationTarget.FromInbound(inbound);
        string? last = null;
        foreach (var reply in replies)
        {
            if (reply is { UpdatesCard: true, Card: { } card } && inbound.Type == ActivityTypes.Message && inbound.ReplyToId is { Length: > 0 } cardId)
            {
                var updated = await connector.UpdateAsync(target.ServiceUrl, target.ConversationId, cardId,
                    target.Stamp(OutboundActivities.CardUpdate(cardId, card)), ct);
                if (updated.Ok) continue;
                log.LogInformation("Card update failed (HTTP {Status}); posting the reply instead", updated.Status);
            }
            if (OutboundActivities.FromReply(reply) is not { } activity) continue;
            var sent = await connector.SendAsync(target.ServiceUrl, target.ConversationId, target.Stamp(activity), inbound.Id, ct);
            if (!sent.Ok) return SendResult.Failed(sent.Error ?? "send failed");
            last = sent.Value?.Id ?? last;
        }
        return SendResult.Success(last);
    }
}

using Microsoft.Extensions.Logging;
using Zhonghan.Adapters.WeCom.Mapping;
using Zhonghan.Adapters.WeCom.Storage;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Storage;

namespace Zhonghan.Adapters.WeCom.Messaging;

/// <summary>
/// Answers that do not go passively: card updates (update_template_card with the press's response code) and
/// messages through message/send. Records which messages were answered this way, so a WeCom retry of one of them
/// is not answered a second time passively.
/// </summary>
public sealed class WeComReplies(WeComMessenger messenger, ActionTokens tokens, IChannelState state, TimeProvider clock, ILogger<WeComReplies> log)
{
    private readonly SeenIds deliveries = new(state, "wecom_api_deliveries", clock);

    public void MarkApi(string messageId) => deliveries.Add(messageId);

    public bool WentByApi(string messageId) => deliveries.Contains(messageId);

    public int Purge(TimeSpan age) => deliveries.Purge(age);

    /// <summary>Updates the pressed card (when there is something to show) and sends the plan's messages.</summary>
    public async Task DeliverAsync(Turn turn, ReplyPlan plan, string? taskId, CancellationToken ct)
    {
        await UpdateCardAsync(turn, plan, taskId, ct);
        if (plan.Messages.Count == 0) return;
        var result = await messenger.SendAsync(turn.Address, plan.Messages, new SendOptions { IdempotencyKey = "wecom:" + turn.MessageId, LiveReply = true }, ct);
        if (!result.Ok) log.LogError("WeCom: reply to {MessageId} not sent: {Error}", turn.MessageId, result.Error);
    }

    /// <summary>
    /// After a button press the card shows the outcome: the reply's card when the handler gave one, else the
    /// decision stored on the pressed token ("已同意 · 李四"). A plain command button leaves the card as it is.
    /// </summary>
    public async Task UpdateCardAsync(Turn turn, ReplyPlan plan, string? taskId, CancellationToken ct)
    {
        if (turn.Action?.CardRef is not { Length: > 0 } responseCode) return;
        var card = plan.CardUpdate;
        if (card is null && turn.Action.ActionId == "act" && turn.Action.Payload.TryGetValue("token", out var id)
            && tokens.Get(id) is { UsedAt: not null, Outcome: { Length: > 0 } outcome })
            card = new Card { Outcome = outcome };
        if (card is null) return;
        await messenger.UpdateCardAsync(turn.SenderId, responseCode, taskId, card, "已处理", ct);
    }
}

using Microsoft.Extensions.Options;
using Zhonghan.Adapters.WeCom;
using Zhonghan.Adapters.WeCom.Crypto;
using Zhonghan.Adapters.WeCom.Mapping;
using Zhonghan.Adapters.WeCom.Xml;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.WeCom;

/// <summary>
/// Runs a WeCom turn against the callback's clock: done within the budget (≈3 s) and plain text → the passive
/// reply; otherwise an empty 200 now and the answer through the API. A WeCom retry of a message has no second
/// effect (the pipeline de-duplicates); it gets the earlier text again only if that went passively, since WeCom
/// retrying means it never received it.
/// </summary>
public sealed class WeComTurns(
    TurnPipeline pipeline, TurnInbox inbox, WeComDelivery delivery, WeComBackground background, WeComCrypto crypto,
    IOptions<WeComOptions> options, TimeProvider clock, ILogger<WeComTurns> log)
{
    /// <summary>The encrypted passive reply, or null for an empty 200.</summary>
    public async Task<string?> RunAsync(Inbound inbound, CancellationToken requestAborted)
    {
        var cardAction = inbound.Turn!.Kind == TurnKind.CardAction;
        // The passive reply carries plain text only: anything else is queued for message/send with the turn's commit.
        var route = new AnswerRoute(replies => ReplyPlan.For(replies, cardAction) is { PassiveText: not null } or { Messages.Count: 0 });
        var turn = inbound.Turn.WithAnswer(route);
        var taskId = inbound.Message.TaskId;
        var work = background.Run(ct => pipeline.ProcessAsync(turn, ct));

        // Within the budget, or the pipeline is committing at this very moment: the answer goes in this response.
        if (await WithinBudgetAsync(work, requestAborted) || !route.TryAnswerLater())
        {
            var result = await work;
            var plan = ReplyPlan.For(result.Replies, cardAction);
            if (result.Duplicate) return Again(turn, result, plan);
            if (result.AnsweredLater)
            {
                // Queued with the commit (a card, or text too long for a passive reply): only the pressed card is updated here.
                delivery.MarkApi(turn.MessageId);
                if (cardAction) background.Fire("card update", ct => delivery.UpdateCardAsync(turn, plan, taskId, ct));
                return null;
            }
            if (plan.PassiveText is { } text)
            {
                if (cardAction) background.Fire("card update", ct => delivery.UpdateCardAsync(turn, plan, taskId, ct));
                return Passive(turn, text);
            }
            if (plan.Messages.Count > 0 || cardAction)
            {
                delivery.MarkApi(turn.MessageId);
                background.Fire("reply", ct => delivery.DeliverAsync(turn, plan, plan.Messages, taskId, ct));
            }
            return null;
        }

        // Too slow for the callback, or WeCom hung up: answer empty now. The turn is kept in the inbox first (a crash
        // before its commit runs it at the next start) and its replies are queued for message/send in its own commit,
        // so an acknowledged message loses nothing; the pressed card is updated here.
        inbox.Keep(MessageIds.Key(turn.Channel, BoundedId.Of(turn.MessageId)), turn);
        delivery.MarkApi(turn.MessageId);
        log.LogInformation("WeCom: turn {MessageId} not done within {Budget}; replying through message/send", turn.MessageId, options.Value.ReplyBudget);
        background.Fire("slow reply", async ct =>
        {
            var result = await work;
            if (result.Duplicate) return;
            var plan = ReplyPlan.For(result.Replies, cardAction);
            if (result.AnsweredLater) await delivery.UpdateCardAsync(turn, plan, taskId, ct);
            else await delivery.DeliverAsync(turn, plan, plan.Messages, taskId, ct);
        });
        return null;
    }

    /// <summary>
    /// WeCom retried a message already answered (it never got our answer, or we crashed before it left): the recorded
    /// reply goes again passively. One that went through message/send is the delivery queue's (sent once, by its key);
    /// a message still being answered gets an empty 200.
    /// </summary>
    private string? Again(Turn turn, TurnResult result, ReplyPlan plan) =>
        !result.InFlight && plan.PassiveText is { } again && !delivery.WentByApi(turn.MessageId) ? Passive(turn, again) : null;

    private async Task<bool> WithinBudgetAsync(Task work, CancellationToken requestAborted)
    {
        if (work.IsCompleted) return !requestAborted.IsCancellationRequested;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        var budget = Task.Delay(options.Value.ReplyBudget, clock, timer.Token);
        var first = await Task.WhenAny(work, budget);
        await timer.CancelAsync();
        return first == work && !requestAborted.IsCancellationRequested;
    }

    private string Passive(Turn turn, string text)
    {
        var now = clock.GetUtcNow();
        return CallbackEnvelope.Build(crypto, CallbackEnvelope.TextReply(turn.SenderId, options.Value.CorpId, text, now), now);
    }
}

using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zhonghan.Adapters.WeCom.Crypto;
using Zhonghan.Adapters.WeCom.Kf;
using Zhonghan.Adapters.WeCom.Mapping;
using Zhonghan.Adapters.WeCom.Messaging;
using Zhonghan.Adapters.WeCom.Model;
using Zhonghan.Adapters.WeCom.Storage;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom;

/// <summary>
/// The WeCom adapter (botbuilder's <c>CloudAdapter.ProcessAsync(request, response, bot)</c>): verifies and decrypts a
/// callback, maps it, runs the turn through the bot and answers — passively when the plain-text answer is ready
/// within <see cref="WeComOptions.ReplyBudget"/>, otherwise with an empty 200 and the answer through message/send.
/// A bad callback gets a 4xx and never a side effect. A WeCom retry of a message has no second effect (the bot
/// de-duplicates); it gets the recorded answer again when that went passively (see <see cref="Again"/>).
/// </summary>
public sealed class WeComAdapter(
    CallbackChecks checks, WeComCrypto crypto, WeComReplies replies, KfDesk kf, WeComWelcomes welcomes, ChannelWork work, TurnInbox inbox,
    IOptions<WeComOptions> options, TimeProvider clock, ILogger<WeComAdapter> log)
{
    /// <summary>URL verification: answers the decrypted echostr, bare (no quotes, BOM or newline).</summary>
    public IResult Verify(HttpContext http)
    {
        try
        {
            var plain = checks.OpenEcho(http.Request);
            log.LogInformation("WeCom callback URL verified");
            return Results.Text(plain, "text/plain", new UTF8Encoding(false));
        }
        catch (WeComCryptoException e) { return checks.Refuse(http, e); }
        catch (CallbackRefusedException e) { return checks.Refuse(http, e.Status, e.Message); }
    }

    public async Task<IResult> ProcessAsync(HttpContext http, IBot bot)
    {
        WeComInbound inbound;
        try
        {
            inbound = WeComMapper.Map(InboundMessage.Parse(await checks.OpenAsync(http.Request, http.RequestAborted)));
        }
        catch (WeComCryptoException e) { return checks.Refuse(http, e); }
        catch (CallbackRefusedException e) { return checks.Refuse(http, e.Status, e.Message); }

        if (inbound.Kf is { } notice)
        {
            kf.Notify(notice, bot);
            return Results.Ok();
        }
        if (inbound.Turn is not { } turn)
        {
            log.LogDebug("WeCom callback ignored: {What}", inbound.Ignored);
            return Results.Ok();
        }
        if (turn.Kind == TurnKind.Welcome && !welcomes.FirstToday(turn.SenderId))
            return Results.Ok(); // WeCom sends enter_agent each time the chat is opened: greet once a day, not every time
        var passive = await AnswerAsync(turn, inbound.Message.TaskId, bot, http.RequestAborted);
        return passive is null ? Results.Ok() : Results.Text(passive, "application/xml", new UTF8Encoding(false));
    }

    /// <summary>
    /// The encrypted passive reply, or null for an empty 200. The passive reply carries plain text only: replies it
    /// cannot carry, and every reply of a turn WeCom stopped waiting for, are queued for message/send in the turn's
    /// own commit (<see cref="AnswerRoute"/>), so an acknowledged message is never left without its answer by a crash.
    /// </summary>
    private async Task<string?> AnswerAsync(Turn inbound, string? taskId, IBot bot, CancellationToken requestAborted)
    {
        var cardAction = inbound.Kind == TurnKind.CardAction;
        var route = new AnswerRoute(replies => ReplyPlan.For(replies, cardAction) is { PassiveText: not null } or { Messages.Count: 0 });
        var turn = inbound.WithAnswer(route);
        var result = await work.AnswerWithinAsync(options.Value.ReplyBudget, ct => bot.OnTurnAsync(turn, ct),
            (late, ct) => late.Duplicate ? Task.CompletedTask : LateAsync(turn, late, cardAction, taskId, ct),
            requestAborted, route.TryAnswerLater);
        if (result is null)
        {
            // Acknowledged before the commit: the turn waits in the inbox (a crash before its commit runs it at the next start).
            inbox.Keep(turn);
            replies.MarkApi(turn.MessageId);
            log.LogInformation("WeCom: turn {MessageId} not done within {Budget}; replying through message/send", turn.MessageId, options.Value.ReplyBudget);
            return null;
        }
        var plan = ReplyPlan.For(result.Replies, cardAction);
        if (result.Duplicate) return Again(turn, result, plan);
        if (result.AnsweredLater)
        {
            // Queued with the commit (a card, or text too long for a passive reply): only the pressed card is updated here.
            replies.MarkApi(turn.MessageId);
            if (cardAction) work.Fire("WeCom card update", ct => replies.UpdateCardAsync(turn, plan, taskId, ct));
            return null;
        }
        if (plan.PassiveText is { } text)
        {
            if (cardAction) work.Fire("WeCom card update", ct => replies.UpdateCardAsync(turn, plan, taskId, ct));
            return Passive(turn, text);
        }
        if (plan.Messages.Count > 0 || cardAction)
        {
            replies.MarkApi(turn.MessageId);
            work.Fire("WeCom reply", ct => replies.DeliverAsync(turn, plan, taskId, ct));
        }
        return null;
    }

    /// <summary>A turn done after the empty 200: its replies were queued with its commit; the pressed card is updated.</summary>
    private Task LateAsync(Turn turn, TurnResult late, bool cardAction, string? taskId, CancellationToken ct)
    {
        var plan = ReplyPlan.For(late.Replies, cardAction);
        return late.AnsweredLater ? replies.UpdateCardAsync(turn, plan, taskId, ct) : replies.DeliverAsync(turn, plan, taskId, ct);
    }

    /// <summary>
    /// WeCom retried a message already answered (it never got our answer, or we crashed before it left): the recorded
    /// reply goes again passively. One that went through message/send is the delivery queue's (sent once, by its key);
    /// a message still being answered gets an empty 200.
    /// </summary>
    private string? Again(Turn turn, TurnResult result, ReplyPlan plan) =>
        !result.InFlight && plan.PassiveText is { } again && !replies.WentByApi(turn.MessageId) ? Passive(turn, again) : null;

    private string Passive(Turn turn, string text)
    {
        var now = clock.GetUtcNow();
        return CallbackEnvelope.Build(crypto, CallbackEnvelope.TextReply(turn.SenderId, options.Value.CorpId, text, now), now);
    }
}

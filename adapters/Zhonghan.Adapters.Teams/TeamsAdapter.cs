using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zhonghan.Adapters.Teams.Auth;
using Zhonghan.Adapters.Teams.Mapping;
using Zhonghan.Adapters.Teams.Messaging;
using Zhonghan.Adapters.Teams.Model;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.Teams;

/// <summary>
/// The Teams adapter (botbuilder's <c>CloudAdapter.ProcessAsync(request, response, bot)</c>): checks the Bot
/// Connector's token, maps the activity, runs the turn through the bot and answers. Messages are answered 200 once
/// the replies are posted, or after <see cref="TeamsOptions.AckBudget"/> with the turn finishing in the background
/// (Teams re-sends slow turns; the bot's de-duplication keeps one effect). Card presses (<c>adaptiveCard/action</c>)
/// are answered in the HTTP response.
/// </summary>
public sealed class TeamsAdapter(
    BotTokenValidator validator, ConversationDirectory directory, TeamsReplier replier, ChannelWork work,
    IOptions<TeamsOptions> options, LogThrottle throttle, ILogger<TeamsAdapter> log)
{
    /// <summary>Activities are at most ~100 KB; anything much larger is not from Teams.</summary>
    public const long MaxBodyBytes = 512 * 1024;
    private const string Apology = "抱歉，这条消息无法处理，请稍后再试。/ Sorry, this message could not be processed.";

    public async Task<IResult> ProcessAsync(HttpContext http, IBot bot)
    {
        var o = options.Value;
        var ct = http.RequestAborted;
        var authorization = http.Request.Headers.Authorization.ToString();
        var hasToken = authorization.Length > 0;
        if (!hasToken && !o.AllowUnauthenticated) return Reject("no Authorization header");

        var body = await BoundedBody.ReadAsync(http.Request.Body, http.Request.ContentLength, MaxBodyBytes, ct);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        Activity? activity;
        try { activity = JsonSerializer.Deserialize<Activity>(body, TeamsJson.Options); }
        catch (JsonException) { activity = null; }
        if (activity is null) return Results.BadRequest(new { error = "请求体不是有效的 Bot Framework activity。" });

        if (hasToken)
        {
            var auth = await validator.ValidateAsync(authorization, activity.ChannelId, activity.ServiceUrl, ct);
            if (!auth.Ok) return Reject(auth.FailedCheck!);
        }
        else
        {
            log.LogWarning("Teams activity accepted without a token (Teams:AllowUnauthenticated=true)");
        }

        try
        {
            return await DispatchAsync(activity, hasToken, bot, o, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An activity we cannot process is logged and answered: Teams re-sends on a 5xx, and would only fail again.
            log.LogError(e, "Teams activity {Type} could not be processed", activity.Type);
            return activity.Type == ActivityTypes.Invoke ? Invoke(AdaptiveCardInvokeResponse.Message(Apology)) : Results.Ok();
        }
    }

    private async Task<IResult> DispatchAsync(Activity activity, bool hasToken, IBot bot, TeamsOptions o, CancellationToken requestAborted)
    {
        var inbound = ActivityMapper.Map(activity, o.AppId);
        if (string.Equals(activity.ChannelId, ActivityMapper.TeamsChannelId, StringComparison.OrdinalIgnoreCase))
            directory.Observe(activity, authenticated: hasToken);
        log.LogDebug("Teams {Type}: {Kind}", activity.Type, inbound.Kind);
        switch (inbound.Kind)
        {
            case InboundKind.Turn:
                // Teams' answer is the 200; the replies go through the Connector, within the budget or after it. Teams
                // hanging up does not stop the turn.
                var done = await work.AnswerWithinAsync(o.AckBudget, ct => TurnAndReplyAsync(activity, inbound.Turn!, bot, ct),
                    (_, _) => Task.CompletedTask, CancellationToken.None);
                if (done is null) log.LogInformation("Teams turn still running after {Budget}; answered, replies will follow", o.AckBudget);
                return Results.Ok();
            case InboundKind.CardInvoke:
                return await CardInvokeAsync(activity, inbound.Turn!, bot);
            case InboundKind.ForeignCardInvoke:
                log.LogInformation("Card action with unknown data ignored");
                return Invoke(AdaptiveCardInvokeResponse.Failure(400, "BadRequest", "这个按钮不属于众韩助手，或已失效。"));
            case InboundKind.OtherInvoke:
                log.LogInformation("Unhandled invoke: {Reason}", inbound.Reason);
                return Results.StatusCode(StatusCodes.Status501NotImplemented);
            default:
                log.LogDebug("Teams activity ignored: {Reason}", inbound.Reason);
                return Results.Ok();
        }
    }

    /// <summary>Runs the turn and posts its replies; a turn that fails is logged and answered with an apology.</summary>
    private async Task<TurnResult> TurnAndReplyAsync(Activity activity, Turn turn, IBot bot, CancellationToken ct)
    {
        try
        {
            var result = await bot.OnTurnAsync(turn, ct);
            await ReplyAsync(activity, result, ct);
            return result;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            log.LogInformation("Teams turn cancelled by shutdown");
            return new TurnResult();
        }
        catch (Exception e)
        {
            log.LogError(e, "Teams turn failed");
            await ApologizeAsync(activity, ct);
            return new TurnResult();
        }
    }

    private async Task ReplyAsync(Activity activity, TurnResult result, CancellationToken ct)
    {
        if (result.Duplicate)
        {
            log.LogInformation("Teams re-delivered activity {Id}; already {State}", activity.Id, result.InFlight ? "in progress" : "answered");
            return;
        }
        var sent = await replier.ReplyAsync(activity, result.Replies, ct);
        if (!sent.Ok) log.LogWarning("Teams reply not delivered: {Error}", sent.Error);
    }

    /// <summary>Best effort: the user hears that the message failed instead of nothing.</summary>
    private async Task ApologizeAsync(Activity activity, CancellationToken ct)
    {
        try
        {
            var sent = await replier.ReplyAsync(activity, [Reply.Of(Apology)], ct);
            if (!sent.Ok) log.LogWarning("Teams apology not delivered: {Error}", sent.Error);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Teams apology failed");
        }
    }

    private async Task<IResult> CardInvokeAsync(Activity activity, Turn turn, IBot bot)
    {
        var result = await work.Run(ct => bot.OnTurnAsync(turn, ct));
        if (result is { Duplicate: true, InFlight: true })
            return Invoke(AdaptiveCardInvokeResponse.Message("正在处理，请稍候……"));
        var (response, toPost) = CardInvokeAnswer.From(turn.Action!.ActionId, result.Replies);
        // A re-delivered press gets the same answer but posts nothing twice.
        if (!result.Duplicate && toPost.Count > 0)
            work.Fire("Teams card reply", ct => ReplyAsync(activity, new TurnResult { Replies = toPost }, ct));
        return Invoke(response);
    }

    private IResult Reject(string check)
    {
        if (throttle.ShouldLog("teams " + check, out var suppressed))
            log.LogWarning("Teams request rejected (401): {Check}; {Suppressed} more rejected for this reason in the minute before", check, suppressed);
        return Results.Unauthorized();
    }

    private static IResult Invoke(AdaptiveCardInvokeResponse response) =>
        Results.Json(response, TeamsJson.Options, contentType: "application/json", statusCode: StatusCodes.Status200OK);
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Zhonghan.Adapters.Teams;
using Zhonghan.Adapters.Teams.Auth;
using Zhonghan.Adapters.Teams.Cards;
using Zhonghan.Adapters.Teams.Mapping;
using Zhonghan.Adapters.Teams.Model;
using Zhonghan.Adapters.Teams.Outbound;
using Zhonghan.Bot.Hosting;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;

// Not "Zhonghan.Bot.Channels.Teams": a Zhonghan.Bot.Channels namespace would hide the core Channels constants from the bot.
namespace Zhonghan.Bot.Teams;

/// <summary>
/// <c>POST /api/messages</c>: checks the Bot Connector's token, maps the activity, runs the turn pipeline and answers.
/// Messages are answered 200 once the replies are posted, or after <see cref="TeamsOptions.AckBudget"/> with the turn
/// finishing in the background (Teams re-sends slow turns; the pipeline's de-duplication keeps one effect).
/// Card presses (<c>adaptiveCard/action</c>) are answered in the HTTP response.
/// </summary>
public sealed class TeamsEndpoint(
    BotTokenValidator validator, ConversationDirectory directory, TeamsReplier replier, TurnPipeline pipeline,
    IOptions<TeamsOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime, LogThrottle throttle, ILogger<TeamsEndpoint> log)
{
    /// <summary>Activities are at most ~100 KB; anything much larger is not from Teams.</summary>
    private const long MaxBodyBytes = 512 * 1024;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var o = options.Value;
        var ct = http.RequestAborted;
        var authorization = http.Request.Headers.Authorization.ToString();
        var hasToken = authorization.Length > 0;
        if (!hasToken && !o.AllowUnauthenticated) return Reject("no Authorization header");

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        Activity? activity;
        try { activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, TeamsJson.Options, ct); }
        catch (JsonException) { activity = null; }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
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
            return await DispatchAsync(activity, hasToken, o);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An activity we cannot process is logged and answered: Teams re-sends on a 5xx, and would only fail again.
            log.LogError(e, "Teams activity {Type} could not be processed", activity.Type);
            return activity.Type == ActivityTypes.Invoke
                ? Invoke(AdaptiveCardInvokeResponse.Message(Apology))
                : Results.Ok();
        }
    }

    private const string Apology = "抱歉，这条消息无法处理，请稍后再试。/ Sorry, this message could not be processed.";

    private async Task<IResult> DispatchAsync(Activity activity, bool hasToken, TeamsOptions o)
    {
        var inbound = ActivityMapper.Map(activity, o.AppId);
        if (string.Equals(activity.ChannelId, ActivityMapper.TeamsChannelId, StringComparison.OrdinalIgnoreCase))
            directory.Observe(activity, authenticated: hasToken);
        log.LogDebug("Teams {Type}: {Kind}", activity.Type, inbound.Kind);
        switch (inbound.Kind)
        {
            case InboundKind.Turn:
                return await RunTurnAsync(activity, inbound.Turn!, o.AckBudget, lifetime.ApplicationStopping);
            case InboundKind.CardInvoke:
                return await RunCardInvokeAsync(activity, inbound.Turn!, lifetime.ApplicationStopping);
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

    private IResult Reject(string check)
    {
        if (throttle.ShouldLog("teams " + check, out var suppressed))
            log.LogWarning("Teams request rejected (401): {Check}; {Suppressed} more rejected for this reason in the minute before", check, suppressed);
        return Results.Unauthorized();
    }

    /// <param name="ct">The app's stopping token, not the request's: when Teams stops waiting, the turn still finishes
    /// and its replies still go out.</param>
    private async Task<IResult> RunTurnAsync(Activity activity, Turn turn, TimeSpan budget, CancellationToken ct)
    {
        var work = Task.Run(() => TurnAndReplyAsync(activity, turn, ct), CancellationToken.None);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var first = await Task.WhenAny(work, Task.Delay(budget, clock, stop.Token));
        await stop.CancelAsync();
        if (first != work) log.LogInformation("Teams turn still running after {Budget}; answered, replies will follow", budget);
        return Results.Ok();
    }

    private async Task TurnAndReplyAsync(Activity activity, Turn turn, CancellationToken ct)
    {
        try
        {
            var result = await pipeline.ProcessAsync(turn, ct);
            if (result.Duplicate)
            {
                log.LogInformation("Teams re-delivered activity {Id}; already {State}", activity.Id, result.InFlight ? "in progress" : "answered");
                return;
            }
            var sent = await replier.ReplyAsync(activity, result.Replies, ct);
            if (!sent.Ok) log.LogWarning("Teams reply not delivered: {Error}", sent.Error);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            log.LogInformation("Teams turn cancelled by shutdown");
        }
        catch (Exception e)
        {
            log.LogError(e, "Teams turn failed");
            await ApologizeAsync(activity, ct);
        }
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

    private async Task<IResult> RunCardInvokeAsync(Activity activity, Turn turn, CancellationToken ct)
    {
        var result = await pipeline.ProcessAsync(turn, ct);
        if (result is { Duplicate: true, InFlight: true })
            return Invoke(AdaptiveCardInvokeResponse.Message("正在处理，请稍候……"));
        var (response, toPost) = CardInvokeAnswer.From(turn.Action!.ActionId, result.Replies);
        // A re-delivered press gets the same answer but posts nothing twice.
        if (!result.Duplicate && toPost.Count > 0)
            _ = Task.Run(() => PostAsync(activity, toPost, ct), CancellationToken.None);
        return Invoke(response);
    }

    private async Task PostAsync(Activity activity, IReadOnlyList<Reply> replies, CancellationToken ct)
    {
        try
        {
            var sent = await replier.ReplyAsync(activity, replies, ct);
            if (!sent.Ok) log.LogWarning("Teams reply not delivered: {Error}", sent.Error);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Teams reply failed");
        }
    }

    private static IResult Invoke(AdaptiveCardInvokeResponse response) =>
        Results.Json(response, TeamsJson.Options, contentType: "application/json", statusCode: StatusCodes.Status200OK);
}

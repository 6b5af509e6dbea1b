using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// Card buttons. <c>cmd</c> buttons run their text as if typed (through the dialog and command routes);
/// <c>act</c> buttons redeem a one-shot token: pressed twice, by the wrong person, or expired, they say why and do nothing.
/// </summary>
public sealed class CardActionRoute(
    ActionTokens tokens, IEnumerable<IActionHandler> handlers, DialogRoute dialog, CommandRoute commands, CommandQuestions questions,
    TimeProvider clock, Zhonghan.Core.People.UserDirectory users) : IRoute
{
    private readonly Dictionary<string, IActionHandler> byKind = handlers.ToDictionary(h => h.Kind);

    public int Order => RouteOrder.CardAction;

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(TurnContext ctx, CancellationToken ct)
    {
        var action = ctx.Turn.Action;
        if (ctx.Turn.Kind != TurnKind.CardAction || action is null) return null;
        switch (action.ActionId)
        {
            case "cmd" when action.Payload.TryGetValue("text", out var text):
                return await dialog.HandleTextAsync(ctx, text, ct) ?? await commands.HandleTextAsync(ctx, text, ct)
                    ?? [Reply.Of(ctx.L("这个按钮已失效。", "This button no longer works."))];
            case "act" when action.Payload.TryGetValue("token", out var id):
                return await RedeemAsync(ctx, id, ct);
            default:
                return [Reply.Of(ctx.L("这个按钮已失效。", "This button no longer works."))];
        }
    }

    private async Task<IReadOnlyList<Reply>> RedeemAsync(TurnContext ctx, string id, CancellationToken ct)
    {
        var token = tokens.Get(id);
        if (token is null || !byKind.TryGetValue(token.Kind, out var handler))
            return [Reply.Of(ctx.L("这个按钮已失效。", "This button no longer works."))];
        return await tokens.WithGroupLockAsync(token.Group, async () =>
        {
            token = tokens.Latest(id)!;
            if (token.UsedAt is not null)
            {
                var who = token.UsedBy is int u ? users.Get(u)?.Name : null;
                return (IReadOnlyList<Reply>)[Reply.Of(ctx.L($"这个操作已经处理过了：{token.Outcome}", $"This was already handled: {token.Outcome}")
                    + (who is null ? "" : ctx.L($"（{who}）", $" ({who})")))];
            }
            if (token.AllowedUserIds.Count > 0 && !token.AllowedUserIds.Contains(ctx.User.Id))
                return [Reply.Of(ctx.L("这个操作不归你处理，已忽略。", "This action is not yours to take; nothing was done."))];
            if (token.ExpiresAt is DateTime exp && exp < clock.GetUtcNow().UtcDateTime)
                return [Reply.Of(ctx.L("这个按钮已过期。", "This button has expired."))];
            var outcome = await handler.HandleAsync(ctx, token, ct);
            if (outcome.Outcome is not null) tokens.Use(token, ctx.User.Id, outcome.Outcome);
            if (outcome.Ask is { } next) questions.Continue(ctx, next);
            return outcome.Replies;
        }, ct);
    }
}

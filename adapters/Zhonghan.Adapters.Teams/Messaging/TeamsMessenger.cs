using Microsoft.Extensions.Logging;
using Zhonghan.Adapters.Teams.Mapping;
using Zhonghan.Adapters.Teams.Model;
using Zhonghan.Core.Conversations;
using Zhonghan.Adapters.Teams.Api;

namespace Zhonghan.Adapters.Teams.Messaging;

/// <summary>
/// Proactive messages on Teams (reminders, approvals, digests): to the user's 1:1 chat, created when there is none.
/// An idempotency key already sent makes the call a no-op. A chat that is gone (removed, bot uninstalled and
/// reinstalled) is forgotten and created once more.
/// </summary>
public sealed class TeamsMessenger(ConversationDirectory directory, ConnectorClient connector, TeamsStore store, ILogger<TeamsMessenger> log) : IMessenger
{
    public string Channel => Channels.Teams;

    public async Task<SendResult> SendAsync(ConversationAddress to, IReadOnlyList<Reply> replies, SendOptions options, CancellationToken ct)
    {
        if (options.IdempotencyKey is { } key && store.Sent(key) is { } earlier) return SendResult.Success(earlier.MessageRef);
        var result = await SendOnceAsync(to, replies, options, fresh: false, ct);
        if (!result.Ok && result.Status is 403 or 404 && result.Code is "ConversationNotFound" or "BotNotInConversationRoster")
        {
            log.LogInformation("Teams chat is gone ({Code}); starting a new one", result.Code);
            directory.Forget(to);
            result = await SendOnceAsync(to, replies, options, fresh: true, ct);
        }
        if (!result.Ok) return SendResult.Failed(result.Error ?? "send failed");
        if (options.IdempotencyKey is { } k) store.MarkSent(k, result.MessageRef);
        return SendResult.Success(result.MessageRef);
    }

    private async Task<Outcome> SendOnceAsync(ConversationAddress to, IReadOnlyList<Reply> replies, SendOptions options, bool fresh, CancellationToken ct)
    {
        var (target, error) = await directory.ResolveAsync(to, fresh, ct);
        if (target is null)
        {
            log.LogWarning("Teams proactive message not sent: {Reason}", error);
            return new Outcome(false, null, 0, null, error);
        }
        var activities = replies.Select(OutboundActivities.FromReply).OfType<Activity>().ToList();
        if (OutboundActivities.Images(options.Images) is { } images) activities.Add(images);
        string? last = null;
        for (var i = 0; i < activities.Count; i++)
        {
            // Each message of a keyed send is remembered, so a send retried after a partial failure does not repeat them.
            var part = options.IdempotencyKey is { } key ? $"{key}#{i}" : null;
            if (part is not null && store.Sent(part) is { } done) { last = done.MessageRef ?? last; continue; }
            var sent = await connector.SendAsync(target.ServiceUrl, target.ConversationId, target.Stamp(activities[i]), replyToId: null, ct);
            if (!sent.Ok) return new Outcome(false, last, sent.Status, sent.ErrorCode, sent.Error);
            last = sent.Value?.Id ?? last;
            if (part is not null) store.MarkSent(part, sent.Value?.Id);
        }
        return new Outcome(true, last, 200, null, null);
    }

    private sealed record Outcome(bool Ok, string? MessageRef, int Status, string? Code, string? Error);
}

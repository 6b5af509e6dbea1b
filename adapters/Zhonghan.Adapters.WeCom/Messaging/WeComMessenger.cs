using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;
using Zhonghan.Adapters.WeCom.Api;
using Zhonghan.Adapters.WeCom.Mapping;
using Zhonghan.Core.Conversations;
using Zhonghan.Adapters.WeCom.Model;

namespace Zhonghan.Adapters.WeCom.Messaging;

/// <summary>
/// WeCom's outbound side (message/send): text, markdown, template cards and images to members. Sends at once while
/// the member is under the pace (per minute and per hour); otherwise, or when WeCom is busy, rate-limiting or
/// unreachable, the messages wait in the persisted outbox and go out later, queued texts merged into one message.
/// The answer to a live turn goes before the backlog; the backlog per member is bounded (oldest dropped, logged).
/// Permanent errors are reported.
/// </summary>
public sealed class WeComMessenger(
    WeComClient client, WeComOutbox outbox, MemberPace pace, IOptions<WeComOptions> options, TimeProvider clock, ILogger<WeComMessenger> log)
    : IMessenger
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(3);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new();

    public string Channel => Channels.WeCom;

    public async Task<SendResult> SendAsync(ConversationAddress to, IReadOnlyList<Reply> replies, SendOptions sendOptions, CancellationToken ct)
    {
        var user = to.UserId;
        if (string.IsNullOrWhiteSpace(user)) return SendResult.Failed("没有企业微信账号，无法发送。");
        var messages = OutMessage.From(user, replies, sendOptions, options.Value.NoticeUrl).Where(m => !outbox.WasSent(m.Key)).ToList();
        if (messages.Count == 0) return SendResult.Success();
        return await WithUserLockAsync(user, async () =>
        {
            // A live answer does not wait behind the backlog; a push does.
            if ((!sendOptions.LiveReply && outbox.HasQueued(user)) || pace.Available(user) < messages.Count)
            {
                Enqueue(user, messages, sendOptions.LiveReply);
                log.LogInformation("WeCom: {Count} message(s) for {User} queued (member pace or backlog)", messages.Count, user);
                return await FlushLockedAsync(user, ct);
            }
            string? first = null;
            for (var i = 0; i < messages.Count; i++)
            {
                try
                {
                    var id = await SendOneAsync(messages[i], ct);
                    outbox.MarkSent(messages[i]);
                    first ??= id;
                }
                catch (WeComApiException e) when (e.IsTransient)
                {
                    Enqueue(user, messages.Skip(i).Select(m => { m.NextAttemptAt = RetryAt(e, 0); return m; }), sendOptions.LiveReply);
                    log.LogWarning("WeCom: {Count} message(s) for {User} kept for a later try ({Error})", messages.Count - i, user, e.Message);
                    return SendResult.Success(first);
                }
                catch (WeComApiException e)
                {
                    return SendResult.Failed($"企业微信发送失败：{e.Errcode} {WeComErrors.Describe(e.Errcode)}");
                }
            }
            return SendResult.Success(first);
        }, ct);
    }

    /// <summary>Sends what waits for the member, as far as the pace allows (the flusher calls this every few seconds).</summary>
    public Task<SendResult> FlushAsync(string user, CancellationToken ct) => WithUserLockAsync(user, () => FlushLockedAsync(user, ct), ct);

    /// <summary>Shows the outcome on the card a member pressed (update_template_card; the code is single-use).</summary>
    public async Task UpdateCardAsync(string user, string responseCode, string? taskId, Card card, string fallbackOutcome, CancellationToken ct)
    {
        var update = TemplateCards.Update(card, user, options.Value.AgentId, responseCode, taskId, fallbackOutcome);
        await client.CallAsync("message/update_template_card", (t, c) => client.Api.UpdateTemplateCardAsync(t, update, c), ct);
    }

    /// <summary>A markdown message (shown in the WeCom app, not in the WeChat plug-in 微工作台).</summary>
    public Task<SendResult> SendMarkdownAsync(string user, string markdown, CancellationToken ct) =>
        WithUserLockAsync(user, () =>
        {
            Enqueue(user, CardText.Split(markdown).Select(t => new OutMessage { Id = Guid.NewGuid().ToString("N"), User = user, Kind = "markdown", Text = t }), live: false);
            return FlushLockedAsync(user, ct);
        }, ct);

    private void Enqueue(string user, IEnumerable<OutMessage> messages, bool live)
    {
        outbox.Enqueue(messages, live);
        var dropped = outbox.TrimBacklog(user, options.Value.MaxBacklogPerMember);
        if (dropped > 0)
            log.LogWarning("WeCom: backlog for {User} over {Max}: dropped the {Count} oldest message(s)", user, options.Value.MaxBacklogPerMember, dropped);
    }

    private async Task<SendResult> FlushLockedAsync(string user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = outbox.Queued(user);
        if (queued.Count == 0 || queued[0].NextAttemptAt > now) return SendResult.Success();
        foreach (var m in OutMessage.Merge(queued))
        {
            if (m.QueuedAt < now - GiveUpAfter)
            {
                log.LogError("WeCom: gave up a message for {User} queued since {QueuedAt:u}", user, m.QueuedAt);
                outbox.Remove(m);
                continue;
            }
            if (pace.Available(user) == 0) break;
            try
            {
                await SendOneAsync(m, ct);
                outbox.Remove(m);
                outbox.MarkSent(m);
            }
            catch (WeComApiException e) when (e.IsTransient)
            {
                outbox.Postpone(m, RetryAt(e, m.Parts.Max(p => p.Attempts)));
                break;
            }
            catch (WeComApiException e)
            {
                log.LogError("WeCom: dropped a queued message for {User}: {Errcode} {Meaning}", user, e.Errcode, WeComErrors.Describe(e.Errcode));
                outbox.Remove(m);
            }
        }
        return SendResult.Success();
    }

    private async Task<string?> SendOneAsync(OutMessage m, CancellationToken ct)
    {
        var agent = options.Value.AgentId;
        var message = m.Kind switch
        {
            "markdown" => new AppMessage { Touser = m.User, Agentid = agent, Msgtype = "markdown", Markdown = new TextBody(m.Text ?? "") },
            "template_card" => new AppMessage
            {
                Touser = m.User, Agentid = agent, Msgtype = "template_card",
                TemplateCard = JsonSerializer.Deserialize<TemplateCard>(m.CardJson!, WeComJson.Options),
            },
            "image" => new AppMessage { Touser = m.User, Agentid = agent, Msgtype = "image", Image = new MediaBody(await UploadAsync(m, ct)) },
            _ => new AppMessage { Touser = m.User, Agentid = agent, Msgtype = "text", Text = new TextBody(m.Text ?? "") },
        };
        var result = await client.CallAsync("message/send", (t, c) => client.Api.SendAsync(t, message, c), ct);
        pace.Record(m.User);
        if (!string.IsNullOrEmpty(result.Invaliduser))
            log.LogWarning("WeCom message/send: invalid recipient {User} (not in the app's visible range?)", result.Invaliduser);
        return result.Msgid;
    }

    private async Task<string> UploadAsync(OutMessage m, CancellationToken ct)
    {
        var bytes = Convert.FromBase64String(m.ImageBase64 ?? "");
        var result = await client.CallAsync("media/upload",
            (t, c) => client.Api.UploadAsync(t, "image", new ByteArrayPart(bytes, "image.png", "image/png"), c), ct);
        return result.MediaId ?? throw new WeComApiException("media/upload", -1, "no media_id");
    }

    /// <summary>Rate limits wait for the next minute; other transient failures back off from 15 s up to 10 minutes.</summary>
    private DateTime RetryAt(WeComApiException e, int attempts)
    {
        var delay = e.Errcode == WeComErrors.RateLimited
            ? TimeSpan.FromMinutes(1)
            : TimeSpan.FromSeconds(Math.Min(600, 15 * Math.Pow(2, Math.Min(attempts, 10))));
        return (clock.GetUtcNow() + delay).UtcDateTime;
    }

    private async Task<T> WithUserLockAsync<T>(string user, Func<Task<T>> work, CancellationToken ct)
    {
        var gate = locks.GetOrAdd(user, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try { return await work(); }
        finally { gate.Release(); }
    }
}

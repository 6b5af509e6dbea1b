using Microsoft.Extensions.Logging;
using Zhonghan.Adapters.WeCom.Api;
using Zhonghan.Adapters.WeCom.Mapping;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom.Kf;

/// <summary>
/// Sends to a customer on 微信客服 (address: external_userid, Extra["open_kfid"]). Customers see no cards, so cards
/// go as text. A reply with <see cref="Reply.HandOverToHuman"/> moves the session to the person the bot named in
/// <see cref="Reply.HandOverTo"/>; when it named none, or WeCom refuses that servicer, to the queue (待接入池).
/// </summary>
public sealed class WeComKfMessenger(WeComKf kf, ILogger<WeComKfMessenger> log) : IMessenger
{
    public const string OpenKfIdKey = "open_kfid";

    public string Channel => Channels.WeComKf;

    public async Task<SendResult> SendAsync(ConversationAddress to, IReadOnlyList<Reply> replies, SendOptions options, CancellationToken ct)
    {
        if (!to.Extra.TryGetValue(OpenKfIdKey, out var openKfId) || string.IsNullOrEmpty(to.UserId))
            return SendResult.Failed("微信客服地址缺少 open_kfid 或 external_userid。");
        var key = options.IdempotencyKey ?? Guid.NewGuid().ToString("N");
        try
        {
            for (var i = 0; i < replies.Count; i++)
                if (CardText.Render(replies[i]) is { Length: > 0 } text)
                    await kf.SendTextAsync(openKfId, to.UserId, $"{key}#{i}", text, ct);
            if (replies.FirstOrDefault(r => r.HandOverToHuman) is { } handOver) await HandOverAsync(openKfId, to.UserId, handOver.HandOverTo, ct);
            return SendResult.Success();
        }
        catch (WeComApiException e)
        {
            return SendResult.Failed($"微信客服发送失败：{e.Errcode} {WeComErrors.Describe(e.Errcode)}");
        }
    }

    private async Task HandOverAsync(string openKfId, string externalUserId, string? servicer, CancellationToken ct)
    {
        if (servicer is not null)
        {
            try
            {
                await kf.TransAsync(openKfId, externalUserId, WeComKf.StateHuman, servicer, ct);
                log.LogInformation("WeCom kf: customer handed to servicer {Servicer}", servicer);
                return;
            }
            catch (WeComApiException e) when (!e.IsTransient)
            {
                log.LogWarning("WeCom kf: servicer {Servicer} refused ({Errcode}); queueing the customer instead", servicer, e.Errcode);
            }
        }
        await kf.TransAsync(openKfId, externalUserId, WeComKf.StateQueued, null, ct);
        log.LogInformation("WeCom kf: customer queued for the next free servicer");
    }
}

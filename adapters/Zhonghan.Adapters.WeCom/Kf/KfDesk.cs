using Microsoft.Extensions.Logging;
using Zhonghan.Adapters.WeCom.Api;
using Zhonghan.Adapters.WeCom.Mapping;
using Zhonghan.Adapters.WeCom.Model;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom.Kf;

/// <summary>
/// 微信客服: on a kf_msg_or_event callback, syncs the waiting messages; each customer message (origin 3) runs as a
/// customer turn through the bot (de-duplicated by msgid) unless a person already has the session; the replies go
/// back through kf/send_msg, a hand-over (to whom the bot's reply names) through kf/service_state/trans.
/// </summary>
public sealed class KfDesk(WeComKf kf, WeComKfMessenger messenger, KfStore store, ChannelWork work, ILogger<KfDesk> log)
{
    private const int OriginCustomer = 3;

    public void Notify(KfNotice notice, IBot bot) =>
        work.Fire("WeCom kf sync", ct => kf.SyncAsync(notice, (m, c) => HandleAsync(bot, notice.OpenKfId, m, c), ct));

    private async Task HandleAsync(IBot bot, string openKfId, KfMessage m, CancellationToken ct)
    {
        openKfId = m.OpenKfid is { Length: > 0 } own ? own : openKfId;
        if (m.Msgtype == "event")
        {
            if (m.Event is { EventType: "enter_session", WelcomeCode.Length: > 0, ExternalUserid.Length: > 0 } e)
                await WelcomeAsync(bot, openKfId, m.Msgid, e.ExternalUserid, e.WelcomeCode, ct);
            return;
        }
        if (m.Origin != OriginCustomer || string.IsNullOrEmpty(m.ExternalUserid) || string.IsNullOrEmpty(m.Msgid)) return;

        var customer = m.ExternalUserid;
        var name = await NameAsync(customer, ct);
        var state = await kf.StateAsync(openKfId, customer, ct);
        if (state is WeComKf.StateQueued or WeComKf.StateHuman)
        {
            log.LogInformation("WeCom kf: message {MsgId} left to the person serving the customer (state {State})", m.Msgid, state);
            return;
        }
        var turn = WeComMapper.CustomerTurn(openKfId, m.Msgid, customer, name,
            m.Msgtype == "text" ? TurnKind.Message : TurnKind.Unsupported, m.Text?.Content, m.Msgtype);
        var result = await bot.OnTurnAsync(turn, ct);
        if (result.InFlight) return;
        if (state != WeComKf.StateBot)
        {
            // Only a session the bot holds (智能助手) may be answered by the bot.
            try { await kf.TransAsync(openKfId, customer, WeComKf.StateBot, null, ct); }
            catch (WeComApiException e) when (!e.IsTransient) { log.LogWarning("WeCom kf: could not take the session ({Errcode})", e.Errcode); }
        }
        var sent = await messenger.SendAsync(turn.Address, result.Replies, new SendOptions { IdempotencyKey = "kf:" + m.Msgid }, ct);
        if (!sent.Ok) log.LogError("WeCom kf: reply to {MsgId} not sent: {Error}", m.Msgid, sent.Error);
    }

    private async Task WelcomeAsync(IBot bot, string openKfId, string msgId, string customer, string code, CancellationToken ct)
    {
        var name = await NameAsync(customer, ct);
        var result = await bot.OnTurnAsync(WeComMapper.CustomerTurn(openKfId, msgId, customer, name, TurnKind.Welcome, null, null), ct);
        var text = string.Join("\n\n", result.Replies.Select(CardText.Render).Where(t => t.Length > 0));
        if (!result.InFlight && text.Length > 0) await kf.SendOnEventAsync(code, "kfw:" + msgId, text, ct);
    }

    /// <summary>The customer's WeChat nickname, asked of WeCom on first sight and remembered (the bot records the contact).</summary>
    private async Task<string?> NameAsync(string customer, CancellationToken ct)
    {
        if (store.Nickname(customer) is { } known) return known;
        var name = await kf.NicknameAsync(customer, ct);
        if (name is not null) store.SaveNickname(customer, name);
        return name;
    }
}

using Zhonghan.Adapters.WeCom.Api;
using Zhonghan.Adapters.WeCom.Kf;
using Zhonghan.Adapters.WeCom.Mapping;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;

namespace Zhonghan.Bot.WeCom;

/// <summary>
/// 微信客服: on a kf_msg_or_event callback, syncs the waiting messages; each customer message (origin 3) runs as a
/// customer turn (the pipeline sends it to the customer desk, de-duplicated by msgid) unless a person already has
/// the session; the desk's replies go back through kf/send_msg, a hand-over through kf/service_state/trans.
/// </summary>
public sealed class WeComKfDesk(WeComKf kf, WeComKfMessenger messenger, TurnPipeline pipeline, ExternalContacts contacts,
    WeComBackground background, ILogger<WeComKfDesk> log)
{
    private const int OriginCustomer = 3;

    public void Notify(KfNotice notice) =>
        background.Fire("kf sync", ct => kf.SyncAsync(notice, (m, c) => HandleAsync(notice.OpenKfId, m, c), ct));

    private async Task HandleAsync(string openKfId, KfMessage m, CancellationToken ct)
    {
        openKfId = m.OpenKfid is { Length: > 0 } own ? own : openKfId;
        if (m.Msgtype == "event")
        {
            if (m.Event is { EventType: "enter_session", WelcomeCode.Length: > 0, ExternalUserid.Length: > 0 } e)
                await WelcomeAsync(openKfId, m.Msgid, e.ExternalUserid, e.WelcomeCode, ct);
            return;
        }
        if (m.Origin != OriginCustomer || string.IsNullOrEmpty(m.ExternalUserid) || string.IsNullOrEmpty(m.Msgid)) return;

        var customer = m.ExternalUserid;
        var contact = await TouchAsync(customer, ct);
        var state = await kf.StateAsync(openKfId, customer, ct);
        if (state is WeComKf.StateQueued or WeComKf.StateHuman)
        {
            log.LogInformation("WeCom kf: message {MsgId} left to the person serving the customer (state {State})", m.Msgid, state);
            return;
        }
        var turn = CustomerTurn(openKfId, m.Msgid, customer, contact.Name,
            m.Msgtype == "text" ? TurnKind.Message : TurnKind.Unsupported, m.Text?.Content, m.Msgtype);
        var result = await pipeline.ProcessAsync(turn, ct);
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

    private async Task WelcomeAsync(string openKfId, string msgId, string customer, string code, CancellationToken ct)
    {
        var contact = await TouchAsync(customer, ct);
        var result = await pipeline.ProcessAsync(CustomerTurn(openKfId, msgId, customer, contact.Name, TurnKind.Welcome, null, null), ct);
        var text = string.Join("\n\n", result.Replies.Select(CardText.Render).Where(t => t.Length > 0));
        if (!result.InFlight && text.Length > 0) await kf.SendOnEventAsync(code, "kfw:" + msgId, text, ct);
    }

    /// <summary>Records the customer's contact (with their WeChat nickname on first sight) for hand-overs and reps.</summary>
    private async Task<ExternalContact> TouchAsync(string customer, CancellationToken ct)
    {
        var known = contacts.Get(Channels.WeComKf, customer);
        var name = known?.Name ?? await kf.NicknameAsync(customer, ct);
        return contacts.Touch(Channels.WeComKf, customer, name);
    }

    private static Turn CustomerTurn(string openKfId, string msgId, string customer, string? name, TurnKind kind, string? text, string? type)
    {
        var address = ConversationAddress.For(Channels.WeComKf, customer);
        address.Extra[WeComKfMessenger.OpenKfIdKey] = openKfId;
        return new Turn
        {
            Channel = Channels.WeComKf, MessageId = msgId, SenderId = customer, SenderName = name, Address = address, FromCustomer = true,
            Kind = kind, Text = text, UnsupportedType = kind == TurnKind.Unsupported ? type : null,
        };
    }
}

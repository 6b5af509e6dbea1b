using System.Security.Cryptography;
using System.Text;
using Zhonghan.Adapters.WeCom.Crypto;
using Zhonghan.Adapters.WeCom.Model;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom.Mapping;

/// <summary>Pure mapping of a decrypted WeCom callback to a channel-neutral <see cref="Turn"/> (or a kf notice).</summary>
public static class WeComMapper
{
    public static WeComInbound Map(InboundMessage m)
    {
        if (m.MsgType.Length == 0) throw new WeComCryptoException(WeComCryptoError.ParseXml, "no MsgType");
        CheckNumbers(m);
        if (m.MsgType == "event") return MapEvent(m);
        RequireSender(m);
        var id = m.MsgId is { Length: > 0 } msgId ? BoundedId.Of("msg:" + msgId) : EventId(m);
        // image, voice, video, file, location, link …: answered with a polite "text only" note.
        return m.MsgType == "text"
            ? TurnOf(m, id, TurnKind.Message, text: m.Content ?? "")
            : TurnOf(m, id, TurnKind.Unsupported, unsupported: m.MsgType);
    }

    private static WeComInbound MapEvent(InboundMessage m)
    {
        switch (m.Event)
        {
            case "kf_msg_or_event":
                return m.OpenKfId is { Length: > 0 } kf
                    ? new WeComInbound { Message = m, Kf = new KfNotice(kf, m.Token) }
                    : throw new WeComCryptoException(WeComCryptoError.ParseXml, "kf_msg_or_event without OpenKfId");
            case "enter_agent":
                RequireSender(m);
                return TurnOf(m, EventId(m), TurnKind.Welcome);
            case "click":
                RequireSender(m);
                var key = m.EventKey ?? "";
                return TurnOf(m, EventId(m), TurnKind.Message, text: key.StartsWith("cmd:", StringComparison.Ordinal) ? key[4..] : key);
            case "template_card_event":
                RequireSender(m);
                var (actionId, payload) = CardKeys.Decode(m.EventKey ?? "");
                return TurnOf(m, EventId(m), TurnKind.CardAction,
                    action: new CardActionInput { ActionId = actionId, Payload = payload, CardRef = m.ResponseCode });
            default:
                // view (menu link), change_contact, template_card_menu_event …: nothing for the bot to answer.
                return new WeComInbound { Message = m, Ignored = $"event {m.Event}" };
        }
    }

    private static WeComInbound TurnOf(InboundMessage m, string id, TurnKind kind, string? text = null, string? unsupported = null,
        CardActionInput? action = null)
    {
        var address = ConversationAddress.For(Channels.WeCom, m.FromUserName);
        if (m.AgentId is { Length: > 0 } agent) address.Extra["agentid"] = agent;
        return new WeComInbound
        {
            Message = m,
            Turn = new Turn
            {
                Channel = Channels.WeCom, MessageId = id, SenderId = m.FromUserName, Address = address,
                Kind = kind, Text = text, UnsupportedType = unsupported, Action = action,
            },
        };
    }

    /// <summary>A 微信客服 customer message (or session welcome) as a customer turn; the answer goes back to the same account.</summary>
    public static Turn CustomerTurn(string openKfId, string msgId, string customer, string? name, TurnKind kind, string? text, string? type)
    {
        var address = ConversationAddress.For(Channels.WeComKf, customer);
        address.Extra[Kf.WeComKfMessenger.OpenKfIdKey] = openKfId;
        return new Turn
        {
            Channel = Channels.WeComKf, MessageId = msgId, SenderId = customer, SenderName = name, Address = address, FromCustomer = true,
            Kind = kind, Text = text, UnsupportedType = kind == TurnKind.Unsupported ? type : null,
        };
    }

    /// <summary>Events have no MsgId: sender + CreateTime identify them, plus a hash of what was pressed.</summary>
    public static string EventId(InboundMessage m)
    {
        var what = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{m.MsgType}|{m.Event}|{m.EventKey}|{m.TaskId}")))[..12];
        return BoundedId.Of($"evt:{m.FromUserName}:{m.CreateTime}:{what}");
    }

    /// <summary>CreateTime is Unix seconds and AgentID an int: anything else is not from WeCom (a 400, not a crash).</summary>
    private static void CheckNumbers(InboundMessage m)
    {
        if (m.CreateTime.Length > 0 && (m.CreateTime.Length > 12 || !long.TryParse(m.CreateTime, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out _)))
            throw new WeComCryptoException(WeComCryptoError.ParseXml, "CreateTime is not a Unix time");
        if (m.AgentId is { Length: > 0 } agent && !int.TryParse(agent, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            throw new WeComCryptoException(WeComCryptoError.ParseXml, "AgentID is not a number");
    }

    private static void RequireSender(InboundMessage m)
    {
        if (m.FromUserName.Length is 0 or > 64) throw new WeComCryptoException(WeComCryptoError.ParseXml, "missing or overlong FromUserName");
    }
}

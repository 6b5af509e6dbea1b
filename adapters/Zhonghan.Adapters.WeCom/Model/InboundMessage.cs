using System.Xml.Linq;

namespace Zhonghan.Adapters.WeCom.Model;

/// <summary>
/// A decrypted callback (message or event), only the fields we use. Read by element name; unknown elements are
/// ignored so new WeCom fields do not break us.
/// </summary>
public sealed record InboundMessage
{
    public string ToUserName { get; init; } = "";
    public string FromUserName { get; init; } = "";
    public string CreateTime { get; init; } = "";
    public string MsgType { get; init; } = "";
    public string? AgentId { get; init; }
    /// <summary>A string: documented as int64, but real callbacks also carry base64 ids.</summary>
    public string? MsgId { get; init; }
    public string? Content { get; init; }
    public string? Event { get; init; }
    public string? EventKey { get; init; }
    /// <summary>template_card_event: the card's task id, its type and the one-shot code for update_template_card.</summary>
    public string? TaskId { get; init; }
    public string? CardType { get; init; }
    public string? ResponseCode { get; init; }
    /// <summary>kf_msg_or_event: the sync token (valid 10 minutes) and the customer-service account.</summary>
    public string? Token { get; init; }
    public string? OpenKfId { get; init; }

    public static InboundMessage Parse(string xml) => From(SafeXml.ParseRoot(xml));

    public static InboundMessage From(XElement x) => new()
    {
        ToUserName = x.Child("ToUserName")?.Trim() ?? "",
        FromUserName = x.Child("FromUserName")?.Trim() ?? "",
        CreateTime = x.Child("CreateTime")?.Trim() ?? "",
        MsgType = x.Child("MsgType")?.Trim().ToLowerInvariant() ?? "",
        AgentId = x.Child("AgentID")?.Trim(),
        MsgId = x.Child("MsgId")?.Trim(),
        Content = x.Child("Content"),
        Event = x.Child("Event")?.Trim(),
        EventKey = x.Child("EventKey"),
        TaskId = x.Child("TaskId")?.Trim(),
        CardType = x.Child("CardType")?.Trim(),
        ResponseCode = x.Child("ResponseCode")?.Trim(),
        Token = x.Child("Token")?.Trim(),
        OpenKfId = x.Child("OpenKfId")?.Trim(),
    };
}

namespace Zhonghan.Adapters.WeCom.Model;

public sealed class KfSyncRequest
{
    public string? Cursor { get; init; }
    public string? Token { get; init; }
    public int Limit { get; init; } = 1000;
    public required string OpenKfid { get; init; }
}

public sealed class KfSyncResult : WeComResult
{
    public string? NextCursor { get; set; }
    /// <summary>1 while more messages wait (loop on this, not on an empty page).</summary>
    public int HasMore { get; set; }
    public List<KfMessage> MsgList { get; set; } = new();
}

public sealed class KfMessage
{
    public string Msgid { get; set; } = "";
    public string? OpenKfid { get; set; }
    public string? ExternalUserid { get; set; }
    public long SendTime { get; set; }
    /// <summary>3 = the customer, 4 = system event, 5 = a human servicer.</summary>
    public int Origin { get; set; }
    public string Msgtype { get; set; } = "";
    public TextBody? Text { get; set; }
    public KfEvent? Event { get; set; }
}

public sealed class KfEvent
{
    public string? EventType { get; set; }
    public string? OpenKfid { get; set; }
    public string? ExternalUserid { get; set; }
    public string? WelcomeCode { get; set; }
}

public sealed class KfSendRequest
{
    public required string Touser { get; init; }
    public required string OpenKfid { get; init; }
    /// <summary>Our id for the message (≤ 32 bytes): a resend after a crash carries the same one.</summary>
    public string? Msgid { get; init; }
    public string Msgtype { get; init; } = "text";
    public required TextBody Text { get; init; }
}

public sealed class KfSendOnEventRequest
{
    public required string Code { get; init; }
    public string? Msgid { get; init; }
    public string Msgtype { get; init; } = "text";
    public required TextBody Text { get; init; }
}

public sealed class KfSendResult : WeComResult
{
    public string? Msgid { get; set; }
}

public sealed class KfStateRequest
{
    public required string OpenKfid { get; init; }
    public required string ExternalUserid { get; init; }
    public int? ServiceState { get; init; }
    public string? ServicerUserid { get; init; }
}

public sealed class KfStateResult : WeComResult
{
    /// <summary>0 untouched, 1 bot (智能助手), 2 queued for a person, 3 with a person, 4 ended.</summary>
    public int ServiceState { get; set; }
    public string? ServicerUserid { get; set; }
    public string? MsgCode { get; set; }
}

public sealed class KfCustomerRequest
{
    public required List<string> ExternalUseridList { get; init; }
}

public sealed class KfCustomerResult : WeComResult
{
    public List<KfCustomer> CustomerList { get; set; } = new();
}

public sealed class KfCustomer
{
    public string ExternalUserid { get; set; } = "";
    public string? Nickname { get; set; }
}

namespace Zhonghan.Core.Conversations;

/// <summary>Where to send a message on a channel. Stored per user so proactive work can reach them.</summary>
public sealed class ConversationAddress
{
    public string Channel { get; set; } = "";
    /// <summary>The recipient's id on the channel (WeCom userid / external_userid, Teams 29: id or AAD id, local name).</summary>
    public string UserId { get; set; } = "";
    public string? ConversationId { get; set; }
    public string? ServiceUrl { get; set; }
    public string? TenantId { get; set; }
    public string? BotId { get; set; }
    /// <summary>Channel-specific extras (e.g. WeCom kf open_kfid, Teams conversation type).</summary>
    public Dictionary<string, string> Extra { get; set; } = new();

    public static ConversationAddress For(string channel, string userId) => new() { Channel = channel, UserId = userId };
}

/// <summary>The channel names used in turns, addresses and logs.</summary>
public static class Channels
{
    public const string Local = "local";
    public const string WeCom = "wecom";
    public const string WeComKf = "wecom-kf";
    public const string Teams = "teams";
    public const string System = "system";
}

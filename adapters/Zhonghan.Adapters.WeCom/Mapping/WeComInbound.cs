using Zhonghan.Adapters.WeCom.Model;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom.Mapping;

/// <summary>What a decrypted callback asks of us: run a turn, sync customer-service messages, or nothing.</summary>
public sealed record WeComInbound
{
    public Turn? Turn { get; init; }
    /// <summary>A kf_msg_or_event: messages wait at kf/sync_msg for this account.</summary>
    public KfNotice? Kf { get; init; }
    /// <summary>Why nothing is done (for the log), when neither of the above.</summary>
    public string? Ignored { get; init; }
    public required InboundMessage Message { get; init; }
}

public sealed record KfNotice(string OpenKfId, string? Token);

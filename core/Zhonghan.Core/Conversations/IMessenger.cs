namespace Zhonghan.Core.Conversations;

/// <summary>A channel's outbound side: proactive sends (reminders, hand-overs, approvals, digests).</summary>
public interface IMessenger
{
    /// <summary>The channel this messenger sends on (see <see cref="Channels"/>).</summary>
    string Channel { get; }

    /// <summary>Sends the replies to the address. Several replies may be merged into one message by the channel.</summary>
    Task<SendResult> SendAsync(ConversationAddress to, IReadOnlyList<Reply> replies, SendOptions options, CancellationToken ct);
}

/// <summary>How to send: an idempotency key makes a repeated send (after a crash) a no-op where the channel allows it.</summary>
public sealed class SendOptions
{
    public string? IdempotencyKey { get; init; }
    /// <summary>The answer to a turn the member just sent (not a push): it goes before anything queued for them.</summary>
    public bool LiveReply { get; init; }
    /// <summary>Images to attach (e.g. digest charts), PNG bytes with a name.</summary>
    public IReadOnlyList<(string Name, byte[] Png)> Images { get; init; } = [];

    public static SendOptions Default { get; } = new();
}

public sealed class SendResult
{
    public bool Ok { get; init; }
    /// <summary>The channel's id of the sent message (for later updates), when it returns one.</summary>
    public string? MessageRef { get; init; }
    public string? Error { get; init; }

    public static SendResult Success(string? messageRef = null) => new() { Ok = true, MessageRef = messageRef };
    public static SendResult Failed(string error) => new() { Ok = false, Error = error };
}

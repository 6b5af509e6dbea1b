using Zhonghan.Core.Conversations;
using Zhonghan.Core.Storage;

namespace Zhonghan.Bot.LocalChat;

/// <summary>A proactive message waiting for a local-chat user (the web page polls for it; the terminal prints it).</summary>
public sealed class OutboxItem
{
    /// <summary>The idempotency key when the sender gave one (a repeated send is then a no-op), else a new id.</summary>
    public string Id { get; set; } = "";
    public string User { get; set; } = "";
    public DateTime At { get; set; }
    public Reply Reply { get; set; } = new();
    public List<string> Images { get; set; } = new();
}

/// <summary>The local channel's messenger: proactive messages are persisted until the user's chat picks them up.</summary>
public sealed class LocalOutbox(IChannelState state, TimeProvider clock) : IMessenger
{
    private const string Bucket = "local_outbox";
    private long sequence;

    public string Channel => Channels.Local;

    public Task<SendResult> SendAsync(ConversationAddress to, IReadOnlyList<Reply> replies, SendOptions options, CancellationToken ct)
    {
        var user = to.UserId.ToLowerInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < replies.Count; i++)
        {
            var id = options.IdempotencyKey is { } key ? $"{key}#{i}" : Guid.NewGuid().ToString("N");
            // Keys sort by the user, then in the order sent; the idempotency key makes a repeated send a no-op.
            if (options.IdempotencyKey is not null && state.Contains(SentBucket, id)) continue;
            var item = new OutboxItem
            {
                Id = id, User = user, At = now, Reply = replies[i],
                Images = i == 0 ? options.Images.Select(img => Convert.ToBase64String(img.Png)).ToList() : [],
            };
            state.Put(Bucket, $"{user}|{now.Ticks:D19}-{Interlocked.Increment(ref sequence):D10}", item, now);
            if (options.IdempotencyKey is not null) state.Put(SentBucket, id, "", now);
        }
        return Task.FromResult(SendResult.Success());
    }

    private const string SentBucket = "local_sent";

    /// <summary>Everything waiting for the user, oldest first, removed as it is handed out.</summary>
    public IReadOnlyList<OutboxItem> Take(string user)
    {
        var waiting = state.WithPrefix<OutboxItem>(Bucket, user.ToLowerInvariant() + "|");
        foreach (var (key, _) in waiting) state.Remove(Bucket, key);
        return waiting.Select(w => w.Value).ToList();
    }

    /// <summary>Everything waiting for the user without removing it (tests and the terminal).</summary>
    public IReadOnlyList<OutboxItem> Peek(string user) =>
        state.WithPrefix<OutboxItem>(Bucket, user.ToLowerInvariant() + "|").Select(w => w.Value).ToList();

    /// <summary>Forgets sent keys older than <paramref name="age"/>.</summary>
    public int Purge(TimeSpan age) => state.Purge(SentBucket, clock.GetUtcNow().UtcDateTime - age);
}

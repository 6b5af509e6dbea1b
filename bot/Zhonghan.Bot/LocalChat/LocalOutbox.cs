using LiteDB;
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
public sealed class LocalOutbox : IMessenger
{
    private readonly ILiteCollection<OutboxItem> items;
    private readonly TimeProvider clock;

    public LocalOutbox(CrmDb db, TimeProvider clock)
    {
        this.clock = clock;
        items = db.Collection<OutboxItem>("local_outbox");
        items.EnsureIndex(x => x.User);
    }

    public string Channel => Channels.Local;

    public Task<SendResult> SendAsync(ConversationAddress to, IReadOnlyList<Reply> replies, SendOptions options, CancellationToken ct)
    {
        var user = to.UserId.ToLowerInvariant();
        for (var i = 0; i < replies.Count; i++)
        {
            var id = options.IdempotencyKey is { } key ? $"{key}#{i}" : ObjectId.NewObjectId().ToString();
            if (options.IdempotencyKey is not null && items.FindById(id) is not null) continue;
            items.Upsert(new OutboxItem
            {
                Id = id, User = user, At = clock.GetUtcNow().UtcDateTime, Reply = replies[i],
                Images = i == 0 ? options.Images.Select(img => Convert.ToBase64String(img.Png)).ToList() : [],
            });
        }
        return Task.FromResult(SendResult.Success());
    }

    /// <summary>Everything waiting for the user, oldest first, removed as it is handed out.</summary>
    public IReadOnlyList<OutboxItem> Take(string user)
    {
        var waiting = items.Find(Q.Eq(nameof(OutboxItem.User), user.ToLowerInvariant())).OrderBy(i => i.At).ToList();
        foreach (var item in waiting) items.Delete(item.Id);
        return waiting;
    }

    /// <summary>Everything waiting for the user without removing it (tests and the terminal).</summary>
    public IReadOnlyList<OutboxItem> Peek(string user) =>
        items.Find(Q.Eq(nameof(OutboxItem.User), user.ToLowerInvariant())).OrderBy(i => i.At).ToList();
}

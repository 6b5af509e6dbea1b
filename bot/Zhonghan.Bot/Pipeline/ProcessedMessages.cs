using LiteDB;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Storage;

namespace Zhonghan.Bot.Pipeline;

/// <summary>A message the bot has taken: its replies once done (a retry gets the same answer, no second effect).</summary>
public sealed class ProcessedMessage
{
    /// <summary>"{channel}:{messageId}".</summary>
    public string Id { get; set; } = "";
    public DateTime At { get; set; }
    public bool Done { get; set; }
    public List<Reply> Replies { get; set; } = new();
}

/// <summary>
/// De-duplication by message id, persisted: channels retry (WeCom three times when it gets no answer in 5 s, Teams
/// when the bot is slow). Taking a message is an insert on its id, so two deliveries racing cannot both win.
/// </summary>
public sealed class ProcessedMessages(CrmDb db, TimeProvider clock)
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(3);
    private readonly ILiteCollection<ProcessedMessage> messages = InitCollection(db);

    private static ILiteCollection<ProcessedMessage> InitCollection(CrmDb db)
    {
        var c = db.Collection<ProcessedMessage>("processed");
        c.EnsureIndex(x => x.At);
        return c;
    }

    /// <summary>Takes the message; false (with the earlier record) when it was already taken.</summary>
    public bool TryBegin(string channel, string messageId, out ProcessedMessage? earlier)
    {
        var id = $"{channel}:{messageId}";
        try
        {
            messages.Insert(new ProcessedMessage { Id = id, At = clock.GetUtcNow().UtcDateTime });
            earlier = null;
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            earlier = messages.FindById(id);
            return false;
        }
    }

    public void Complete(string channel, string messageId, IReadOnlyList<Reply> replies) =>
        messages.Update(new ProcessedMessage
        {
            Id = $"{channel}:{messageId}", At = clock.GetUtcNow().UtcDateTime, Done = true, Replies = replies.ToList(),
        });

    /// <summary>Forgets messages older than <see cref="Keep"/> (channels do not retry that late).</summary>
    public int Purge() =>
        messages.DeleteMany(Q.Lt(nameof(ProcessedMessage.At), clock.GetUtcNow().UtcDateTime - Keep));
}

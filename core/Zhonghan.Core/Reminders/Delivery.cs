using LiteDB;
using Microsoft.Extensions.Logging;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Reminders;

public enum DeliveryStatus { Pending, Sent, Failed }

/// <summary>A proactive message recorded before it is sent; its id is the send's idempotency key.</summary>
public sealed class Delivery
{
    public string Id { get; set; } = "";
    public int UserId { get; set; }
    public string Kind { get; set; } = "";
    public List<Reply> Replies { get; set; } = new();
    public List<DeliveryImage> Images { get; set; } = new();
    public DeliveryStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

public sealed class DeliveryImage
{
    public string Name { get; set; } = "";
    public byte[] Png { get; set; } = [];
}

/// <summary>
/// The durable outbox of proactive messages. A message is recorded (in the same transaction that marks what it
/// covers as reminded) before it is sent, and sent with its id as the idempotency key, so a crash between sending
/// and marking sends it again with the same key — the channel drops the repeat — and never loses it.
/// </summary>
public sealed class DeliveryQueue
{
    public const int MaxAttempts = 20;
    private readonly ILiteCollection<Delivery> deliveries;
    private readonly Notifier notifier;
    private readonly UserDirectory users;
    private readonly TimeProvider clock;
    private readonly ILogger<DeliveryQueue> log;
    private readonly SemaphoreSlim flushing = new(1, 1);

    public DeliveryQueue(CrmDb db, Notifier notifier, UserDirectory users, TimeProvider clock, ILogger<DeliveryQueue> log)
    {
        (this.notifier, this.users, this.clock, this.log) = (notifier, users, clock, log);
        deliveries = db.Collection<Delivery>("deliveries");
        deliveries.EnsureIndex(x => x.Status);
    }

    /// <summary>Records a message; a second enqueue with the same id is ignored. Call inside the marking transaction.</summary>
    public bool Enqueue(string id, int userId, string kind, IReadOnlyList<Reply> replies, IEnumerable<DeliveryImage>? images = null)
    {
        if (deliveries.FindById(id) is not null) return false;
        deliveries.Insert(new Delivery
        {
            Id = id, UserId = userId, Kind = kind, Replies = replies.ToList(), Images = images?.ToList() ?? [], CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        return true;
    }

    public Delivery? Get(string id) => deliveries.FindById(id);

    public IReadOnlyList<Delivery> Pending() =>
        deliveries.Find(Q.Eq(nameof(Delivery.Status), DeliveryStatus.Pending.ToString())).OrderBy(d => d.CreatedAt).ToList();

    /// <summary>Sends everything pending, oldest first. A failed send stays pending and is tried again next time.</summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        await flushing.WaitAsync(ct);
        try
        {
            var sent = 0;
            foreach (var d in Pending())
            {
                ct.ThrowIfCancellationRequested();
                var user = users.Get(d.UserId);
                SendResult result;
                try
                {
                    result = user is null ? SendResult.Failed("no such user")
                        : await notifier.NotifyAsync(user, d.Replies, new SendOptions
                        {
                            IdempotencyKey = d.Id, Images = d.Images.Select(i => (i.Name, i.Png)).ToList(),
                        }, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    result = SendResult.Failed(e.Message);
                }
                d.Attempts++;
                if (result.Ok) { d.Status = DeliveryStatus.Sent; d.SentAt = clock.GetUtcNow().UtcDateTime; sent++; }
                else
                {
                    d.LastError = result.Error;
                    if (d.Attempts >= MaxAttempts) d.Status = DeliveryStatus.Failed;
                    log.LogWarning("Delivery {Id} to user {User} failed (attempt {Attempt}): {Error}", d.Id, d.UserId, d.Attempts, result.Error);
                }
                deliveries.Update(d);
            }
            return sent;
        }
        finally
        {
            flushing.Release();
        }
    }

    /// <summary>Forgets sent deliveries older than <paramref name="age"/>.</summary>
    public int Purge(TimeSpan age) =>
        deliveries.DeleteMany(BsonExpression.Create("$.Status = @0 AND $.SentAt < @1", DeliveryStatus.Sent.ToString(), clock.GetUtcNow().UtcDateTime - age));
}

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
/// The one durable queue of proactive messages — reminders, digests, and every notice a turn causes (an approval
/// request, "your inquiry was priced"). A message is recorded in the unit of work of what caused it, so it is sent
/// if and only if that change committed; after the commit the sender wakes and sends it with its id as the
/// idempotency key, so a crash between sending and marking it sent repeats the send and the channel drops the repeat.
/// </summary>
public sealed class DeliveryQueue(
    IReminderStore store, Notifier notifier, UserDirectory users, ICommandWords words, IUnitOfWorkFactory units, TimeProvider clock,
    ILogger<DeliveryQueue> log)
{
    public const int MaxAttempts = 20;
    /// <summary>How many pending messages one flush takes, and how long they stay its own (other instances skip them meanwhile).</summary>
    public const int ClaimBatch = 100;
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);
    /// <summary>This sender among the instances sharing the store.</summary>
    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    private readonly SemaphoreSlim flushing = new(1, 1);
    private readonly Lock gate = new();
    private Task sender = Task.CompletedTask;
    private bool again;

    /// <summary>
    /// Records a message in the open unit of work, its typed buttons worded by the bot's command table (so what is
    /// stored is what the channels carry); a second enqueue with the same id is ignored.
    /// </summary>
    public bool Enqueue(string id, int userId, string kind, IReadOnlyList<Reply> replies, IEnumerable<DeliveryImage>? images = null)
    {
        if (store.Delivery(id) is not null) return false;
        store.Add(new Delivery
        {
            Id = id, UserId = userId, Kind = kind, Replies = replies.Render(words).ToList(), Images = images?.ToList() ?? [], CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        units.OnCommitted(Wake);
        return true;
    }

    /// <summary>A notice to one user caused by the current change (sent once the change commits).</summary>
    public bool Notify(User user, Reply reply, string id) => Enqueue(id, user.Id, "notice", [reply]);

    public Delivery? Get(string id) => store.Delivery(id);

    public IReadOnlyList<Delivery> Pending(int limit = 500) => store.Pending(limit);

    /// <summary>Starts a send of what is pending in the background (again after the current one, if one is running).</summary>
    public void Wake()
    {
        lock (gate)
        {
            if (!sender.IsCompleted) { again = true; return; }
            // Not on the flow of the turn that woke it: the send runs in units of its own.
            using (ExecutionContext.SuppressFlow()) sender = Task.Run(SendInBackgroundAsync);
        }
    }

    /// <summary>Completes when no background send is running or asked for (tests drive the queue to idle with it).</summary>
    public async Task IdleAsync()
    {
        while (true)
        {
            Task current;
            lock (gate) current = sender;
            await current;
            lock (gate) if (sender.IsCompleted && !again) return;
        }
    }

    private async Task SendInBackgroundAsync()
    {
        while (true)
        {
            lock (gate) again = false;
            try { await FlushAsync(CancellationToken.None); }
            catch (Exception e) when (e is not OutOfMemoryException) { log.LogWarning(e, "Sending queued messages failed; will retry"); }
            lock (gate)
            {
                if (!again) return;
            }
        }
    }

    /// <summary>
    /// Sends what is pending, oldest first, that no other instance is sending: the items are claimed first (one
    /// sender per item across instances). A failed send stays pending (and this sender's) and is tried again next time.
    /// </summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        await flushing.WaitAsync(ct);
        try
        {
            var sent = 0;
            foreach (var d in store.ClaimPending(ClaimBatch, owner, ClaimLease))
            {
                ct.ThrowIfCancellationRequested();
                var result = await SendAsync(d, ct);
                d.Attempts++;
                if (result.Ok) { d.Status = DeliveryStatus.Sent; d.SentAt = clock.GetUtcNow().UtcDateTime; sent++; }
                else
                {
                    d.LastError = result.Error;
                    if (d.Attempts >= MaxAttempts) d.Status = DeliveryStatus.Failed;
                    log.LogWarning("Delivery {Id} to user {User} failed (attempt {Attempt}): {Error}", d.Id, d.UserId, d.Attempts, result.Error);
                }
                await units.RunAsync(() => store.Save(d), ct);
            }
            return sent;
        }
        finally
        {
            flushing.Release();
        }
    }

    /// <summary>Straight to the channel's messenger, on the channel the user last used (see <see cref="Notifier.Route"/>).</summary>
    private async Task<SendResult> SendAsync(Delivery d, CancellationToken ct)
    {
        var user = users.Get(d.UserId);
        if (user is null) return SendResult.Failed("no such user");
        if (notifier.Route(user) is not var (messenger, address)) return SendResult.Failed($"no channel reaches user {user.LocalName}");
        try
        {
            return await messenger.SendAsync(address, d.Replies, new SendOptions
            {
                IdempotencyKey = d.Id, Images = d.Images.Select(i => (i.Name, i.Png)).ToList(),
            }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return SendResult.Failed(e.Message);
        }
    }

    /// <summary>Forgets sent deliveries older than <paramref name="age"/>.</summary>
    public int Purge(TimeSpan age) => store.PurgeSent(clock.GetUtcNow().UtcDateTime - age);
}

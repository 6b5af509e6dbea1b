using System.Collections.Concurrent;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Reminders;
using Zhonghan.Core.Storage;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// The turn pipeline. One turn is one unit of work: the de-dup record, the turn's effects, its dialog state, its reply
/// and every message it queues commit together, or not at all. A crash before the commit leaves nothing, so the
/// channel's retry runs the turn; a retry after it gets the recorded reply, with no second effect.
/// One error boundary: a <see cref="CrmException"/> becomes its message and changes nothing; anything else an
/// apology with a reference id that is in the log.
/// </summary>
public sealed class TurnPipeline(
    IUnitOfWorkFactory units,
    IConversationStore conversations,
    DeliveryQueue deliveries,
    TurnInbox inbox,
    UserDirectory users,
    AddressBook addresses,
    DialogStore dialogs,
    ICommandWords words,
    IEnumerable<IRoute> routes,
    CustomerTurns customers,
    TimeProvider clock,
    ILogger<TurnPipeline> log) : IBot
{
    private const int Attempts = 5;
    /// <summary>
    /// One sender's turns run one after another, in arrival order (a rep's burst of messages is a sequence, and its
    /// turns would otherwise conflict on the same customer); different senders run side by side. Striped, so memory
    /// stays bounded whatever the number of senders.
    /// </summary>
    private readonly SemaphoreSlim[] senders = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private readonly IRoute[] ordered = routes.OrderBy(r => r.Order).ToArray();
    /// <summary>Messages being worked on in this process: a second delivery meanwhile waits for nothing and acts on nothing.</summary>
    private readonly ConcurrentDictionary<string, byte> inFlight = new();

    public async Task<TurnResult> OnTurnAsync(Turn turn, CancellationToken ct)
    {
        // The adapters bound their ids already; this is the backstop for any other way in.
        var key = MessageIds.Key(turn.Channel, BoundedId.Of(turn.MessageId));
        if (!inFlight.TryAdd(key, 0))
        {
            log.LogInformation("Message {Key} is already being answered; this delivery is ignored", key);
            return new TurnResult { Duplicate = true, InFlight = true };
        }
        var sender = senders[(int)((uint)StringComparer.Ordinal.GetHashCode($"{turn.Channel}|{turn.SenderId}") % (uint)senders.Length)];
        try
        {
            await sender.WaitAsync(ct);
            try { return await RunAsync(turn, key, ct); }
            finally { sender.Release(); }
        }
        finally
        {
            inFlight.TryRemove(key, out _);
        }
    }

    private async Task<TurnResult> RunAsync(Turn turn, string key, CancellationToken ct)
    {
        var turnId = Guid.NewGuid().ToString("N")[..10];
        var user = turn.FromCustomer ? null : users.ResolveSender(turn.Channel, turn.SenderId);
        using var scope = log.BeginScope(new Dictionary<string, object?> { ["TurnId"] = turnId, ["Channel"] = turn.Channel, ["UserId"] = user?.Id });
        for (var attempt = 1; ; attempt++)
        {
            using var unit = units.Begin();
            if (conversations.Processed(key) is { } done)
            {
                log.LogInformation("Message {Key} was answered before; the recorded answer is given again", key);
                return new TurnResult { Duplicate = true, Replies = done.Replies, TurnId = turnId, User = user };
            }
            var replies = attempt <= Attempts
                ? await AnswerAsync(turn, user, turnId, unit, ct)
                : [Reply.Of($"抱歉，系统繁忙，这条消息没有处理，请稍后再发一次。参考编号：{turnId}")];
            conversations.AddProcessed(new ProcessedMessage { Id = key, At = clock.GetUtcNow().UtcDateTime, Replies = replies.ToList() });
            // The channel already acknowledged (it stopped waiting): the answer goes out through the queue, in this commit.
            if (turn.Answer is { } route && !route.TryAnswerInline(replies))
            {
                if (user is not null && replies.Count > 0) deliveries.Enqueue($"reply:{key}", user.Id, "reply", replies);
                inbox.Done(key);
            }
            try
            {
                await unit.CommitAsync(ct);
                return new TurnResult { Replies = replies, TurnId = turnId, User = user, AnsweredLater = turn.Answer?.AnsweredLater ?? false };
            }
            catch (ConcurrencyConflictException e)
            {
                turn.Answer?.Reopen();
                // Another unit changed what this turn read (or another delivery of it committed first): run it again.
                log.LogInformation("Turn {TurnId} conflicted ({Reason}); attempt {Attempt}", turnId, e.Message, attempt + 1);
            }
        }
    }

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Turn turn, User? user, string turnId, IUnitOfWork unit, CancellationToken ct)
    {
        try
        {
            return user is null ? await StrangerAsync(turn, turnId, ct) : await RouteAsync(turn, user, turnId, unit, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (CrmException e)
        {
            log.LogInformation("Turn refused: {Reason}", e.Message);
            Forget(unit, user);
            return [Reply.Of(e.Message)];
        }
        catch (Exception e)
        {
            log.LogError(e, "Turn {TurnId} failed", turnId);
            Forget(unit, user);
            return [Reply.Of($"抱歉，处理时出错了，请稍后再试。参考编号：{turnId}")];
        }
    }

    /// <summary>A refused or failed turn changes nothing, and leaves no half-answered dialog behind.</summary>
    private void Forget(IUnitOfWork unit, User? user)
    {
        unit.DiscardChanges();
        if (user is not null) dialogs.Clear(user.Id);
    }

    /// <summary>
    /// The first route that answers wins; then the dialog the turn leaves is saved (or ended) once, and the replies'
    /// typed buttons are worded by the command table.
    /// </summary>
    private async Task<IReadOnlyList<Reply>> RouteAsync(Turn turn, User user, string turnId, IUnitOfWork unit, CancellationToken ct)
    {
        addresses.Remember(user.Id, turn.Address);
        var ctx = new TurnContext { Turn = turn, User = user, TurnId = turnId, Dialog = dialogs.Load(user.Id) };
        ctx.English = ctx.Dialog?.English ?? false;
        log.LogInformation("Turn {Kind} from {User}", turn.Kind, user.LocalName);
        log.LogDebug("Text: {Text}", turn.Text);
        try
        {
            IReadOnlyList<Reply>? replies = null;
            foreach (var route in ordered)
                if ((replies = await route.TryHandleAsync(ctx, ct)) is not null) break;
            replies ??= [Reply.Of(ctx.L("没看懂。发送“帮助”查看可用的命令。", "Sorry, I did not get that. Send \"help\" for the commands."))];
            if (ctx.DialogChanged)
            {
                if (ctx.NextDialog is { } next) dialogs.Save(user.Id, next);
                else if (ctx.Dialog is not null) dialogs.Clear(user.Id);
            }
            return replies.Render(words);
        }
        catch (CrmException e)
        {
            log.LogInformation("Turn refused: {Reason}", e.Message);
            Forget(unit, user);
            return [Reply.Of(e.For(ctx.English))];
        }
    }

    private async Task<IReadOnlyList<Reply>> StrangerAsync(Turn turn, string turnId, CancellationToken ct)
    {
        if (turn.FromCustomer || turn.Channel is Channels.Local or Channels.WeComKf)
            return await customers.HandleAsync(turn, turnId, ct);
        log.LogWarning("Unknown {Channel} sender {Sender}", turn.Channel, turn.SenderId);
        // Teams accounts are linked by their object id after the user exists: the admin needs both commands.
        var how = turn.Channel == Channels.Teams ? "“添加用户”和“绑定Teams”" : "“添加用户”";
        return [Reply.Of($"你好！你的账号（{turn.SenderId}）还没有开通众韩助手，请联系管理员用{how}为你开通。")];
    }
}

using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// The turn pipeline: de-duplicate by message id, resolve the sender, load the dialog, run the first matching
/// route, save the dialog. One error boundary: a <see cref="CrmException"/> becomes its message, anything else an
/// apology with a reference id that is in the log.
/// </summary>
public sealed class TurnPipeline(
    ProcessedMessages processed,
    UserDirectory users,
    AddressBook addresses,
    DialogStore dialogs,
    IEnumerable<IRoute> routes,
    ICustomerDesk customerDesk,
    ILogger<TurnPipeline> log)
{
    private readonly IRoute[] ordered = routes.OrderBy(r => r.Order).ToArray();

    public async Task<TurnResult> ProcessAsync(Turn turn, CancellationToken ct)
    {
        // The adapters bound their ids already; this is the backstop for any other way in (the key limit is LiteDB's).
        var messageId = BoundedId.Of(turn.MessageId);
        if (!processed.TryBegin(turn.Channel, messageId, out var earlier))
        {
            log.LogInformation("Duplicate message {Channel}:{MessageId} ignored (done: {Done})", turn.Channel, turn.MessageId, earlier?.Done);
            return new TurnResult { Duplicate = true, InFlight = earlier is { Done: false }, Replies = earlier?.Replies ?? [] };
        }

        var turnId = Guid.NewGuid().ToString("N")[..10];
        var user = turn.FromCustomer ? null : users.ResolveSender(turn.Channel, turn.SenderId);
        using var scope = log.BeginScope(new Dictionary<string, object?>
        {
            ["TurnId"] = turnId, ["Channel"] = turn.Channel, ["UserId"] = user?.Id,
        });

        IReadOnlyList<Reply> replies;
        try
        {
            replies = user is null
                ? await StrangerAsync(turn, turnId, ct)
                : await RouteAsync(turn, user, turnId, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            log.LogError(e, "Turn {TurnId} failed", turnId);
            replies = [Reply.Of($"抱歉，处理时出错了，请稍后再试。参考编号：{turnId}")];
        }

        processed.Complete(turn.Channel, messageId, replies);
        return new TurnResult { Replies = replies, TurnId = turnId, User = user };
    }

    private async Task<IReadOnlyList<Reply>> RouteAsync(Turn turn, User user, string turnId, CancellationToken ct)
    {
        addresses.Remember(user.Id, turn.Address);
        var ctx = new TurnContext { Turn = turn, User = user, TurnId = turnId, Dialog = dialogs.Load(user.Id) };
        ctx.English = ctx.Dialog?.English ?? false;
        log.LogInformation("Turn {Kind} from {User}", turn.Kind, user.LocalName);
        log.LogDebug("Text: {Text}", turn.Text);
        try
        {
            foreach (var route in ordered)
            {
                var replies = await route.TryHandleAsync(ctx, ct);
                if (replies is not null) return replies;
            }
            return [Reply.Of(ctx.L("没看懂。发送“帮助”查看可用的命令。", "Sorry, I did not get that. Send \"help\" for the commands."))];
        }
        catch (CrmException e)
        {
            log.LogInformation("Turn refused: {Reason}", e.Message);
            return [Reply.Of(e.For(ctx.English))];
        }
    }

    private async Task<IReadOnlyList<Reply>> StrangerAsync(Turn turn, string turnId, CancellationToken ct)
    {
        if (turn.FromCustomer || turn.Channel is Channels.Local or Channels.WeComKf)
            return await customerDesk.HandleAsync(turn, turnId, ct);
        log.LogWarning("Unknown {Channel} sender {Sender}", turn.Channel, turn.SenderId);
        // Teams accounts are linked by their object id after the user exists: the admin needs both commands.
        var how = turn.Channel == Channels.Teams ? "“添加用户”和“绑定Teams”" : "“添加用户”";
        return [Reply.Of($"你好！你的账号（{turn.SenderId}）还没有开通众韩助手，请联系管理员用{how}为你开通。")];
    }
}

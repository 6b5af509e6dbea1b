using Zhonghan.Bot.LocalChat.Model;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.LocalChat;

/// <summary>
/// The local chat's adapter (the same shape as the WeCom and Teams adapters): checks the request, maps it to a turn,
/// runs it through the bot and answers with the replies — within <see cref="ReplyBudget"/>, else with a note, the
/// replies following into the user's inbox (the page polls it; the terminal prints it).
/// </summary>
public sealed class LocalChatAdapter(ChannelWork work, LocalOutbox outbox)
{
    /// <summary>Long enough for any turn on a working machine; a browser would give up long before a channel retries.</summary>
    public static readonly TimeSpan ReplyBudget = TimeSpan.FromSeconds(30);

    public async Task<IResult> ProcessAsync(ChatRequest? request, IBot bot, CancellationToken requestAborted)
    {
        if (LocalChatMapper.Problem(request) is { } problem) return Results.BadRequest(new { error = problem });
        var turn = LocalChatMapper.ToTurn(request!);
        var result = await work.AnswerWithinAsync(ReplyBudget, ct => bot.OnTurnAsync(turn, ct),
            (late, ct) => late.Duplicate ? Task.CompletedTask
                : outbox.SendAsync(turn.Address, late.Replies, new SendOptions { IdempotencyKey = "late:" + turn.MessageId }, ct),
            requestAborted);
        var replies = result?.Replies ?? [Reply.Of("还在处理，稍后回复会出现在这里。/ Still working on it; the answer will appear here.")];
        return Results.Ok(LocalChatMapper.ToResponse(replies));
    }
}

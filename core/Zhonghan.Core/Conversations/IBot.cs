using Zhonghan.Core.People;

namespace Zhonghan.Core.Conversations;

/// <summary>
/// The bot as channels see it (botbuilder's <c>IBot</c>): an adapter verifies and maps a request to a <see cref="Turn"/>,
/// calls <see cref="OnTurnAsync"/>, and answers with the result on its own channel. Adapters know nothing else of the bot.
/// </summary>
public interface IBot
{
    /// <summary>Runs one turn (de-duplicated by its message id) and returns what to answer.</summary>
    Task<TurnResult> OnTurnAsync(Turn turn, CancellationToken ct);
}

/// <summary>What a turn came to: the replies, or that the message was seen before.</summary>
public sealed class TurnResult
{
    public IReadOnlyList<Reply> Replies { get; init; } = [];
    /// <summary>The message was seen before; <see cref="Replies"/> are the earlier answer (empty while still in flight).</summary>
    public bool Duplicate { get; init; }
    public bool InFlight { get; init; }
    /// <summary>The channel stopped waiting first (or could not carry the replies): they were queued for delivery with
    /// the turn's commit, so the channel must not send them itself.</summary>
    public bool AnsweredLater { get; init; }
    public string TurnId { get; init; } = "";
    public User? User { get; init; }
}

using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;

namespace Zhonghan.Bot.Pipeline;

public sealed class TurnResult
{
    public IReadOnlyList<Reply> Replies { get; init; } = [];
    /// <summary>The message was seen before; <see cref="Replies"/> are the earlier answer (empty while still in flight).</summary>
    public bool Duplicate { get; init; }
    public bool InFlight { get; init; }
    /// <summary>The channel stopped waiting first: the replies were queued for delivery with the turn's commit.</summary>
    public bool AnsweredLater { get; init; }
    public string TurnId { get; init; } = "";
    public User? User { get; init; }
}

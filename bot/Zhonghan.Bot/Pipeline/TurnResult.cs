using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;

namespace Zhonghan.Bot.Pipeline;

public sealed class TurnResult
{
    public IReadOnlyList<Reply> Replies { get; init; } = [];
    /// <summary>The message was seen before; <see cref="Replies"/> are the earlier answer (empty while still in flight).</summary>
    public bool Duplicate { get; init; }
    public bool InFlight { get; init; }
    public string TurnId { get; init; } = "";
    public User? User { get; init; }
}

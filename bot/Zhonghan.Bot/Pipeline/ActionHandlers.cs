using Zhonghan.Bot.Commands;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Pipeline;

/// <summary>What pressing a token button did.</summary>
public sealed class ActionOutcome
{
    public IReadOnlyList<Reply> Replies { get; init; } = [];
    /// <summary>Shown on the card and to later presses, e.g. "已同意 · 李四". Null = the token stays usable.</summary>
    public string? Outcome { get; init; }
    /// <summary>A question the press asks next (驳回 asks for the comment): the dialog the turn leaves waiting.</summary>
    public Continuation? Ask { get; init; }
}

/// <summary>Redeems one kind of action token (quote approval, reminder done …).</summary>
public interface IActionHandler
{
    string Kind { get; }
    Task<ActionOutcome> HandleAsync(TurnContext ctx, ActionToken token, CancellationToken ct);
}

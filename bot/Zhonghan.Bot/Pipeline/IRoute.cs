using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// One entry of the ordered route table. The pipeline asks routes in <see cref="Order"/> order; the first that
/// returns replies (not null) wins: card actions, active dialog, commands, questions, then the AI.
/// </summary>
public interface IRoute
{
    int Order { get; }
    Task<IReadOnlyList<Reply>?> TryHandleAsync(TurnContext ctx, CancellationToken ct);
}

public static class RouteOrder
{
    public const int Welcome = 0;
    public const int CardAction = 10;
    public const int Dialog = 20;
    public const int Command = 30;
    public const int Question = 40;
    public const int AI = 50;
    public const int Fallback = 1000;
}

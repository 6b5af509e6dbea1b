using Zhonghan.Bot.Commands;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// Text that starts with a command word runs that command — except a question that starts with an English word of a
/// command the sender's role cannot use ("Price for 06035A391JAT2A?" from a rep): that goes on to the question route.
/// </summary>
public sealed class CommandRoute(CommandTable table, CommandRunner runner) : IRoute
{
    public int Order => RouteOrder.Command;

    public Task<IReadOnlyList<Reply>?> TryHandleAsync(TurnContext ctx, CancellationToken ct) =>
        ctx.Turn.Kind == TurnKind.Message ? HandleTextAsync(ctx, ctx.Text, ct) : Task.FromResult<IReadOnlyList<Reply>?>(null);

    public async Task<IReadOnlyList<Reply>?> HandleTextAsync(TurnContext ctx, string text, CancellationToken ct)
    {
        var match = table.Match(text);
        if (match is null) return null;
        if (match.English && !match.Command.IsFor(ctx.User) && QuestionCues.LooksLikeQuestion(text)) return null;
        ctx.English = match.English;
        return await runner.RunAsync(ctx, match.Command, match.Command.Parse(match.Rest), ct);
    }
}

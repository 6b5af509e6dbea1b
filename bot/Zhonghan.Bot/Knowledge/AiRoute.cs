using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Knowledge.AI;
using Zhonghan.Knowledge.Answers;

namespace Zhonghan.Bot.Knowledge;

/// <summary>
/// Last before the fallback, and only with a chat model configured: free text goes to Semantic Kernel with the
/// knowledge search as its function. An answer without cited sources is dropped (the fallback "没看懂" stands).
/// </summary>
public sealed class AiRoute(IKnowledgeAi ai) : IRoute
{
    public int Order => RouteOrder.AI;

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(TurnContext ctx, CancellationToken ct)
    {
        if (!ai.IsEnabled || ctx.Turn.Kind != TurnKind.Message || ctx.Text.Length < 2) return null;
        var english = Language.IsEnglish(ctx.Text);
        var answer = await ai.AnswerAsync(ctx.Text, [], english, ct);
        if (!answer.Supported) return null;
        ctx.English = english;
        return [Reply.Of(answer.Text)];
    }
}

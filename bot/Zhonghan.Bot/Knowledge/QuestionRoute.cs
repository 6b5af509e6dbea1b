using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Parts;
using Zhonghan.Knowledge.AI;
using Zhonghan.Knowledge.Answers;

namespace Zhonghan.Bot.Knowledge;

/// <summary>
/// Reps' product questions that no command took: "查STM32…" glued, a part number with a question ("tps54331 交期多久"),
/// or a question the documents answer confidently. Anything else (a typo of a command, chatter) is left to the
/// fallback "没看懂", so a mistyped command is never answered with a product search.
/// </summary>
public sealed class QuestionRoute(KnowledgeResponder responder) : IRoute
{
    private static readonly string[] QuestionMarks =
    [
        "吗", "呢", "?", "？", "有没有", "是否", "多少", "多久", "怎么", "如何", "什么", "哪些", "哪个", "能否", "交期", "库存", "现货",
        "价格", "报价", "申样", "样品", "流程", "规格书", "datasheet", "stock", "price", "lead time", "how ", "what ", "which ", "do you",
    ];

    public int Order => RouteOrder.Question;

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(TurnContext ctx, CancellationToken ct)
    {
        if (ctx.Turn.Kind != TurnKind.Message) return null;
        var text = ctx.Text;
        if (text.Length < 2) return null;
        if (text[0] == '查' && char.IsAsciiLetterOrDigit(text[1])) text = text[1..];
        else if (!LooksLikeProductQuestion(text)) return null;

        ctx.English = Language.IsEnglish(text);
        var reply = await responder.RespondAsync(text, Array.Empty<ChatLine>(), ct);
        // Words-only questions are answered only when the answer clears the threshold (or the AI cited sources).
        if (reply.Unsure && reply.Offline.Kind == AnswerKind.Unsure && PartTokens.Find(text).All(p => !p.Strong)) return null;
        return RepAnswers.Render(ctx, reply);
    }

    /// <summary>A part number the text is mostly about, or a question word.</summary>
    private static bool LooksLikeProductQuestion(string text)
    {
        var lower = text.ToLowerInvariant();
        var marked = QuestionMarks.Any(m => lower.Contains(m, StringComparison.Ordinal));
        var strong = PartTokens.Find(text).Where(p => p.Strong).ToList();
        if (strong.Count > 0) return marked || strong.Sum(p => p.Raw.Length) * 2 >= text.Replace(" ", "").Length;
        return marked;
    }
}

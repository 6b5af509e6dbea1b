using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Knowledge.Answers;

namespace Zhonghan.Bot.Knowledge;

/// <summary>How a product answer is shown to a rep: family candidates as "查 …" buttons; "not sure" says what else to try.</summary>
public static class RepAnswers
{
    public static IReadOnlyList<Reply> Render(TurnContext ctx, KnowledgeReply reply)
    {
        var answer = reply.Offline;
        if (reply.Unsure)
            return [Reply.Of(ctx.L(
                "不确定：知识库里没有找到可靠的答案。可以换个说法、发完整型号，或让管理员导入相关资料（kb import）。查客户请用“客户 公司名”。",
                "Not sure: nothing reliable in the knowledge base. Try other words or the full part number. For a customer, use \"customer NAME\"."))];
        if (answer.Kind != AnswerKind.Family) return [Reply.Of(reply.Text)];
        var card = new Card { Title = ctx.L("查哪一个？", "Which one?") };
        foreach (var c in answer.Candidates)
            card.Actions.Add(CardAction.Run(c.Mpn!, new(ActionKind.Lookup) { Text = c.Mpn }));
        return [Reply.WithCard(reply.Text.Replace("回复序号或完整型号即可。", "点按钮或发“查 完整型号”。"), card)];
    }
}

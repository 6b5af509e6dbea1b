using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Knowledge.AI;

namespace Zhonghan.Bot.Knowledge;

/// <summary>查 &lt;型号或问题&gt; — a part's stock, price, lead time and datasheet, or an answer from the documents.</summary>
public sealed class KbCommand(KnowledgeResponder responder) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("lookup", "查")
    {
        Aliases = ["kb", "lookup", "查型号", "查询型号"],
        EnglishWord = "lookup",
        Group = CommandGroups.Products,
        Params = [new("query", ParamKind.Text, "型号或问题", "part number or question", "请问查什么型号或问题？", "Which part number or question?")],
        Summary = "查型号的库存、价格、交期、规格书，或问流程（申样、报价、交期）",
        SummaryEn = "a part's stock, price, lead time, datasheet; or ask about our processes",
        Example = "查 STM32F103C8T6",
        Notes = "product knowledge: a part's stock, price, lead time, MOQ and datasheet, with the source",
        Serves = ActionKind.Lookup,
    };

    public override async Task<CommandResult> ExecuteAsync(TurnContext ctx, CommandValues values, CancellationToken ct)
    {
        var reply = await responder.RespondAsync(values.Text("query"), Array.Empty<ChatLine>(), ct);
        return new CommandResult(RepAnswers.Render(ctx, reply));
    }
}

using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Knowledge.AI;

namespace Zhonghan.Bot.Knowledge;

/// <summary>查 &lt;型号或问题&gt; — a part's stock, price, lead time and datasheet, or an answer from the documents.</summary>
public sealed class KbCommand(KnowledgeResponder responder) : Command
{
    public override string Name => "查";
    public override IReadOnlyList<string> Aliases => ["kb", "lookup", "查型号", "查询型号"];
    public override string Usage => "查 <型号或问题>";
    public override string UsageEn => "lookup <part number or question>";
    public override string Summary => "查型号的库存、价格、交期、规格书，或问流程（申样、报价、交期）";
    public override string SummaryEn => "a part's stock, price, lead time, datasheet; or ask about our processes";
    public override string Example => "查 STM32F103C8T6";
    public override string Group => "知识";

    public override IReadOnlyList<Param> Params =>
        [new("query", ParamKind.Text, "请问查什么型号或问题？", "Which part number or question?")];

    public override Dictionary<string, string> Parse(string rest) =>
        rest.Trim().Length == 0 ? new() : new() { ["query"] = rest.Trim() };

    public override async Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues values, CancellationToken ct)
    {
        var reply = await responder.RespondAsync(values.Text("query"), Array.Empty<ChatLine>(), ct);
        return RepAnswers.Render(ctx, reply);
    }
}

using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

/// <summary>
/// A closed stage gate as an answer, not a refusal: what is missing and how to give it. The parts are asked for right
/// here (the dialog continues with 添加物料, which then enters the stage); the other needs name the command or the
/// button that gives them.
/// </summary>
public sealed class GateAnswers(QuoteService quotes, SampleService samples, ICommandWords words)
{
    public CommandResult For(TurnContext ctx, Opportunity o, GateResult gate)
    {
        switch (gate.Need)
        {
            case GateNeed.Parts:
                var ask = Reply.Of(ctx.L($"{gate.Chinese}请告诉我物料型号和年用量（可加目标价），例如：STM32F103C8T6 10000 8.5（发送“取消”可放弃）",
                    $"{gate.English} Tell me a part and its annual quantity, e.g. STM32F103C8T6 10000 8.5"));
                return new CommandResult([ask])
                {
                    Next = Continuation.Of<AddPartCommand>("mpn", new Dictionary<string, string> { ["opportunity"] = $"#{o.Id}", ["then"] = gate.Stage.ToString() }),
                };
            case GateNeed.ApprovedQuote:
                var q = quotes.Latest(o.Id);
                var quote = CommandText.Zh<QuoteCommand>($"#{o.Id}");
                var state = q switch
                {
                    null when o.AssistantId is null => $"还没有询价，先发送：{CommandText.Zh<InquiryCommand>($"#{o.Id}")}",
                    null => $"还没有报价，请询价助理发送：{quote}",
                    { Status: QuoteStatus.PendingApproval } => $"报价 {q.No} 正在审批中，批准后即可申样。",
                    { Status: QuoteStatus.Rejected } => $"报价 {q.No} 被驳回了，修改后重新报价：{quote}",
                    _ => $"重新报价：{quote}",
                };
                return Reply.WithCard($"{gate.Chinese}{state}", new Card
                {
                    Title = $"{o.CustomerName} · {o.Name}",
                    Actions = o.AssistantId is null
                        ? [CardAction.Run("询价", CommandIntent.OfOpportunity(ActionKind.Inquiry, o.Id))]
                        : [CardAction.Run("查看商机", CommandIntent.OfOpportunity(ActionKind.OpenOpportunity, o.Id))],
                });
            case GateNeed.ShippedSample:
                var pending = samples.ForOpportunity(o.Id).FirstOrDefault(s => s.Status is SampleStatus.Requested or SampleStatus.PendingApproval);
                return gate.Chinese + (pending is null
                    ? $"先申样：{words.Usage(CommandIntent.OfOpportunity(ActionKind.RequestSample, o.Id), optional: true)}"
                    : $"申样单 {pending.No} {SampleRequest.Chinese(pending.Status)}，寄出后即可进入测试（{words.Usage(CommandIntent.OfDocument(ActionKind.ShipSample, CodeKind.Sample, pending.Id))}）。");
            default:
                return gate.Chinese + $"客户测试通过后发送：{words.Usage(CommandIntent.OfOpportunity(ActionKind.TestResult, o.Id) with { Text = "通过" })}";
        }
    }
}

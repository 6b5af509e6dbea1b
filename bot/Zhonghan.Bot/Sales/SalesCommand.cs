using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

/// <summary>
/// A sales command. A closed stage gate is not a flat refusal: the bot says what is missing and asks for it (parts
/// are asked for right here; the other needs come with the command or button that provides them).
/// </summary>
public abstract class SalesCommand(IServiceProvider services) : Command
{
    public override string Group => "商机";

    protected abstract Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct);

    public sealed override async Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        try
        {
            return await RunAsync(ctx, v, ct);
        }
        catch (GateClosedException gate)
        {
            var o = v.Raw.TryGetValue("opportunity", out var id) && id.StartsWith('#') && int.TryParse(id[1..], out var n)
                ? services.GetRequiredService<OpportunityService>().Get(n) : null;
            if (o is null) throw;
            return GateHelp(ctx, o, gate.Gate);
        }
    }

    private IReadOnlyList<Reply> GateHelp(TurnContext ctx, Opportunity o, GateResult gate)
    {
        var quotes = services.GetRequiredService<QuoteService>();
        var samples = services.GetRequiredService<SampleService>();
        switch (gate.Need)
        {
            case GateNeed.Parts:
                services.GetRequiredService<DialogStore>().Save(ctx.User.Id, new DialogState
                {
                    Command = "添加物料", Pending = "spec", English = ctx.English,
                    Values = new() { ["opportunity"] = $"#{o.Id}", ["then"] = gate.Stage.ToString() },
                });
                return [Reply.Of(ctx.L($"{gate.Chinese}请告诉我物料型号和年用量（可加目标价），例如：STM32F103C8T6 10000 8.5（发送“取消”可放弃）",
                                       $"{gate.English} Tell me a part and its annual quantity, e.g. STM32F103C8T6 10000 8.5"))];
            case GateNeed.ApprovedQuote:
                var q = quotes.Latest(o.Id);
                var state = q switch
                {
                    null when o.AssistantId is null => $"还没有询价，先发送：询价 #{o.Id}",
                    null => $"还没有报价，请询价助理发送：报价 #{o.Id}",
                    { Status: QuoteStatus.PendingApproval } => $"报价 {q.No} 正在审批中，批准后即可申样。",
                    { Status: QuoteStatus.Rejected } => $"报价 {q.No} 被驳回了，修改后重新报价：报价 #{o.Id}",
                    _ => $"重新报价：报价 #{o.Id}",
                };
                return [Reply.WithCard($"{gate.Chinese}{state}", new Card
                {
                    Title = $"{o.CustomerName} · {o.Name}",
                    Actions = o.AssistantId is null ? [CardAction.Command("询价", $"询价 #{o.Id}")] : [CardAction.Command("查看商机", $"商机 #{o.Id}")],
                })];
            case GateNeed.ShippedSample:
                var pending = samples.ForOpportunity(o.Id).FirstOrDefault(s => s.Status is SampleStatus.Requested or SampleStatus.PendingApproval);
                return [Reply.Of(gate.Chinese + (pending is null
                    ? $"先申样：申样 #{o.Id} <型号> <数量> [地址]"
                    : $"申样单 {pending.No} {SampleRequest.Chinese(pending.Status)}，寄出后即可进入测试（寄样 {pending.No} <快递单号>）。"))];
            default:
                return [Reply.Of(gate.Chinese + $"客户测试通过后发送：测试结果 #{o.Id} 通过 <反馈>")];
        }
    }
}

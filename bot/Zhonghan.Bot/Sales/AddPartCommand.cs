using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

/// <summary>
/// 添加物料 &lt;商机&gt; &lt;型号&gt; &lt;年用量&gt; [目标价] [特殊] — also answers the 询报价 gate's question (型号 年用量 目标价 in one
/// line), after which it enters the stage the gate stood before (<c>then</c>, carried by the dialog).
/// </summary>
public sealed class AddPartCommand(OpportunityService opportunities, GateAnswers gates) : Command, ICommand
{
    private static readonly Dictionary<string, string> SpecialWords = new() { ["特殊"] = "yes", ["特殊物料"] = "yes", ["special"] = "yes" };
    private static readonly Dictionary<string, string> StageNames = Enum.GetNames<Stage>().ToDictionary(n => n, n => n);

    public static CommandSpec Spec { get; } = new("add-part", "添加物料")
    {
        Aliases = ["add part", "part", "加物料"],
        Group = CommandGroups.Sales,
        Params =
        [
            new("opportunity", ParamKind.Opportunity, "商机", "opportunity", "请问给哪个商机添加物料？", "Which opportunity?"),
            new("mpn", ParamKind.Text, "型号", "mpn", "请输入型号和年用量（可加目标价），例如：STM32F103C8T6 10000 8.5",
                "Part and annual quantity, e.g. STM32F103C8T6 10000 8.5") { AnswerFillsRest = true },
            new("qty", ParamKind.Quantity, "年用量", "annual qty", "年用量？", "Annual quantity?"),
            new("price", ParamKind.Price, "目标价", "target price") { Required = false },
            new("special", ParamKind.Enum, "特殊", "special") { Required = false, Choices = SpecialWords },
            new("then", ParamKind.Enum, "", "") { Required = false, Hidden = true, Choices = StageNames },
        ],
        Summary = "给商机添加物料（年用量、目标价；特殊物料会走审批）", SummaryEn = "add a part to an opportunity",
        Example = "添加物料 伺服驱动器 STM32F103C8T6 10万 8.5",
        Notes = "parts (quantities like 10万 or 10k work)",
        Serves = ActionKind.AddPart,
    };

    /// <summary>Positional, as reps write it: the opportunity, then 型号 年用量 [目标价]; 特殊 anywhere. The values given may start later (a dialog's answer).</summary>
    public override Dictionary<string, string> Parse(string rest, IReadOnlyList<Param> parameters, TimeProvider clock)
    {
        var values = new Dictionary<string, string>();
        var tokens = Tokenizer.Split(rest);
        if (tokens.FirstOrDefault(t => SpecialWords.ContainsKey(t.ToLowerInvariant())) is { } special)
        {
            values["special"] = special;
            tokens.RemoveAll(t => SpecialWords.ContainsKey(t.ToLowerInvariant()));
        }
        var keys = parameters.Where(p => !p.Hidden && p.Key != "special").Select(p => p.Key);
        foreach (var (key, token) in keys.Zip(tokens)) values[key] = token;
        return values;
    }

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var part = new OpportunityPart
        {
            Mpn = v.Text("mpn"), AnnualQuantity = v.Quantity("qty")!.Value, TargetPrice = v.Money("price"), Special = v.Choice("special") is not null,
        };
        var o = opportunities.AddPart(ctx.Actor, v.Entity<Opportunity>("opportunity").Id, part);
        var text = ctx.L($"✅ 已添加物料：{part.Mpn} 年用量 {part.AnnualQuantity:#,0}" + (part.TargetPrice is decimal p ? $" 目标价 {QuoteCards.Money(p)}" : "") + $"（{o.Name} 共 {o.Parts.Count} 个物料）",
                         $"✅ Part added: {part.Mpn} × {part.AnnualQuantity}");
        if (v.Choice("then") is { } then && Enum.TryParse<Stage>(then, out var stage) && o.Stage != stage)
        {
            var moved = opportunities.TryAdvance(ctx.Actor, o.Id, stage);
            if (moved.Closed is { } gate)
            {
                var answer = gates.For(ctx, o, gate);
                return new CommandResult([Reply.Of(text), .. answer.Replies]) { Next = answer.Next };
            }
            text += ctx.L($"\n✅ 已推进到 {moved.Value.Stage.Chinese()}。", $"\n✅ Moved to {moved.Value.Stage}.");
        }
        return text;
    }
}

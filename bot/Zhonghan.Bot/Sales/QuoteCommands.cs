using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

/// <summary>询价 &lt;商机&gt; — hands the inquiry to an inquiry assistant, who is told at once (entering 询报价 through its gate).</summary>
public sealed class InquiryCommand(QuoteService quotes, GateAnswers gates) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("inquiry", "询价")
    {
        Aliases = ["inquiry", "转询价"],
        Group = CommandGroups.Sales,
        Who = Who.CustomerWorkers,
        Params = [new("opportunity", ParamKind.Opportunity, "商机", "opportunity", "请问哪个商机要询价？", "Which opportunity?")],
        Summary = "把询价交给询价助理（进入询报价）", SummaryEn = "hand the inquiry to an inquiry assistant",
        Example = "询价 伺服驱动器",
        Notes = "hand the inquiry to an inquiry assistant (told at once)",
        Serves = ActionKind.Inquiry,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var target = v.Entity<Opportunity>("opportunity");
        var handed = quotes.TryRequestInquiry(ctx.Actor, target.Id);
        if (handed.Closed is { } gate) return gates.For(ctx, target, gate);
        var (o, assistant) = handed.Value;
        return ctx.L($"✅ 已把 {o.CustomerName}「{o.Name}」的询价交给询价助理 {assistant.Name}，并通知了 TA。", $"✅ Handed to {assistant.Name}.");
    }
}

/// <summary>求价 &lt;商机&gt; — the assistant asks purchasing for prices; purchasing is told.</summary>
public sealed class PriceRequestCommand(QuoteService quotes) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("ask-prices", "求价")
    {
        Aliases = ["ask price", "ask prices"],
        EnglishWord = "ask prices",
        Group = CommandGroups.Sales,
        Who = Who.PriceAskers,
        Params = [new("opportunity", ParamKind.Opportunity, "商机", "opportunity", "请问为哪个商机求价？", "Which opportunity?")],
        Summary = "请采购为商机的物料定价", SummaryEn = "ask purchasing to price the parts",
        Example = "求价 伺服驱动器",
        Notes = "the assistant asks purchasing (told at once)",
        Serves = ActionKind.AskPrices,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var r = quotes.RequestPrices(ctx.Actor, v.Entity<Opportunity>("opportunity").Id);
        return ctx.L($"✅ 已请采购为 {r.MpnKeys.Count} 个物料定价，定价后会通知你。", $"✅ Purchasing asked to price {r.MpnKeys.Count} parts.");
    }
}

/// <summary>定价 &lt;型号&gt; &lt;单价&gt; [交期] [MOQ] — purchasing answers; the assistant is told.</summary>
public sealed class PriceCommand(QuoteService quotes) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("price", "定价")
    {
        Aliases = ["price"],
        Group = CommandGroups.Sales,
        Who = Who.Purchasing,
        Params =
        [
            new("mpn", ParamKind.Text, "型号", "mpn", "请输入型号：", "Part number?"),
            new("price", ParamKind.Price, "单价", "unit price", "请输入单价：", "Unit price?"),
            new("lead", ParamKind.Text, "交期", "lead time") { Required = false },
            new("moq", ParamKind.Quantity, "MOQ", "moq") { Required = false },
        ],
        Summary = "采购给物料定价（单价、交期、最小起订量）", SummaryEn = "purchasing prices a part",
        Example = "定价 STM32F103C8T6 8.5 6周 2500",
        Notes = "purchasing answers (the assistant is told)",
        Serves = ActionKind.Price,
    };

    /// <summary>型号 单价, then in any order a lead time (6周) and an MOQ (2500, 2.5k, MOQ2500).</summary>
    public override Dictionary<string, string> Parse(string rest, IReadOnlyList<Param> parameters, TimeProvider clock)
    {
        var tokens = Tokenizer.Split(rest);
        var values = new Dictionary<string, string>();
        foreach (var (key, token) in new[] { "mpn", "price" }.Zip(tokens)) values[key] = token;
        foreach (var t in tokens.Skip(2))
        {
            var moq = t.StartsWith("MOQ", StringComparison.OrdinalIgnoreCase) ? t[3..].TrimStart(':', '：', '=') : t;
            if (!values.ContainsKey("moq") && (moq != t || t.All(ch => char.IsAsciiDigit(ch) || ch is ',' or 'k' or 'K' or '万'))) values["moq"] = moq;
            else values.TryAdd("lead", t);
        }
        return values;
    }

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var lead = v.Get("lead");
        var moq = v.Quantity("moq");
        var p = quotes.SetPrice(ctx.Actor, v.Text("mpn"), v.Money("price")!.Value, lead, moq);
        return ctx.L($"✅ 已定价：{p.Mpn} {QuoteCards.Money(p.UnitPrice)}" + (lead is null ? "" : $"，交期 {lead}") + (moq is long m ? $"，MOQ {m:#,0}" : ""),
                     $"✅ Priced {p.Mpn} at {p.UnitPrice}");
    }
}

/// <summary>报价 &lt;商机&gt; — assembles the quote and routes it for approval.</summary>
public sealed class QuoteCommand(QuoteApprovals approvals, UserDirectory users) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("quote", "报价")
    {
        Aliases = ["quote"],
        Group = CommandGroups.Sales,
        Who = Who.NotPurchasing,
        Params = [new("opportunity", ParamKind.Opportunity, "商机", "opportunity", "请问为哪个商机报价？", "Which opportunity?")],
        Summary = "按定价生成报价（新版本），按规则送审批", SummaryEn = "assemble the quote and send it for approval",
        Example = "报价 伺服驱动器",
        Notes = "a new quote version, routed for approval",
        Serves = ActionKind.Quote,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var q = approvals.Assemble(ctx.Actor, v.Entity<Opportunity>("opportunity").Id);
        var route = q.Steps.Count == 0 ? "无需审批，已直接批准" :
            "审批路线：" + string.Join(" → ", q.Steps.Select(s => $"{s.Role.Chinese()}（{string.Join("/", s.ApproverIds.Select(id => users.Get(id)?.Name))}）"));
        return ctx.L($"✅ 已生成报价 {q.No} 第 {q.Version} 版，合计 {QuoteCards.Money(q.Amount)}（规则：{q.RuleName}）。\n{route}",
                     $"✅ Quote {q.No} v{q.Version}: {q.Amount} ({q.RuleName}).");
    }
}

/// <summary>报价单 &lt;商机&gt; — the latest quotation, to forward to the customer.</summary>
public sealed class QuotationCommand(QuoteService quotes, UserDirectory users) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("quotation", "报价单")
    {
        Aliases = ["quotation"],
        Group = CommandGroups.Sales,
        Params = [new("opportunity", ParamKind.Opportunity, "商机", "opportunity", "请问哪个商机的报价单？", "Which opportunity?")],
        Summary = "最新的报价单（可转发给客户）", SummaryEn = "the latest quotation",
        Example = "报价单 伺服驱动器",
        Notes = "the quotation to forward",
        Serves = ActionKind.Quotation,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var o = v.Entity<Opportunity>("opportunity");
        var q = quotes.Latest(o.Id);
        if (q is null) return ctx.L($"{o.Name} 还没有报价。", "No quote yet.");
        var card = QuoteCards.Quotation(q, o, users);
        var note = q.Status == QuoteStatus.Approved ? "" : ctx.L($"⚠️ 这份报价{Quote.Chinese(q.Status)}，还不能发给客户。\n", $"⚠️ This quote is {q.Status}.\n");
        return Reply.WithCard(note + Cards.ToText(card), card);
    }
}

using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Sales;

/// <summary>新建商机 &lt;公司&gt; &lt;项目&gt; [预计金额]</summary>
public sealed class NewOpportunityCommand(IServiceProvider sp, OpportunityService opportunities, TimeProvider clock) : SalesCommand(sp)
{
    public override string Name => "新建商机";
    public override IReadOnlyList<string> Aliases => ["new deal", "deal", "商机新建", "建商机"];
    public override string Usage => "新建商机 <公司> <项目> [预计金额]";
    public override string UsageEn => "new deal <company> <project> [expected amount]";
    public override string Summary => "为客户新建一个商机（从需求挖掘开始）";
    public override string SummaryEn => "open an opportunity for a customer";
    public override string Example => "新建商机 汇川 新一代伺服驱动器 80万";
    public override bool IsFor(User user) => Access.WorksCustomers(user);
    public override IReadOnlyList<Param> Params =>
    [
        new("company", ParamKind.Company, "请问是哪家客户的商机？", "Which customer?"),
        new("project", ParamKind.Text, "请输入项目名称：", "Project name?"),
        new("amount", ParamKind.Amount, "预计金额？", "Expected amount?", Required: false),
    ];

    // An amount at the end (80万元, 800k, ¥800,000) is the amount, the words between are the project.
    public override Dictionary<string, string> Parse(string rest) =>
        new(ParamParser.Split(Params.Select(p => p.Spec).ToList(), rest, clock).Raw);

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var c = v.Customer("company");
        var o = opportunities.Create(ctx.Actor, c.Id, v.Text("project"), v.Money("amount"));
        return Say(Reply.WithCard(ctx.L($"✅ 已新建商机 #{o.Id}：{c.Company}「{o.Name}」，阶段 需求挖掘。\n下一步：添加物料 #{o.Id} <型号> <年用量> [目标价]",
            $"✅ Opportunity #{o.Id} opened: {c.Company} '{o.Name}'.\nNext: add parts."),
            new Card { Title = $"商机 #{o.Id} {o.Name}", Actions = [CardAction.Command("查看商机", $"商机 #{o.Id}")] }));
    }
}

/// <summary>商机 &lt;名称&gt; — the card with the stage path and what the next stage needs.</summary>
public sealed class OpportunityCommand(IServiceProvider sp, OpportunityCards cards) : SalesCommand(sp)
{
    public override string Name => "商机";
    public override IReadOnlyList<string> Aliases => ["opportunity", "opp", "查商机", "看商机"];
    public override string Usage => "商机 <名称>";
    public override string UsageEn => "opportunity <name>";
    public override string Summary => "商机卡片：阶段路径、下一阶段需要什么";
    public override string SummaryEn => "the opportunity card";
    public override string Example => "商机 伺服驱动器";
    public override IReadOnlyList<Param> Params => [new("opportunity", ParamKind.Opportunity, "请问查哪个商机？", "Which opportunity?")];

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var card = cards.Card(v.Entity<Opportunity>("opportunity"), ctx.User);
        return Say(Reply.WithCard(Cards.ToText(card), card));
    }
}

/// <summary>我的商机 — open ones first.</summary>
public sealed class MyOpportunitiesCommand(IServiceProvider sp, OpportunityService opportunities) : SalesCommand(sp)
{
    public override string Name => "我的商机";
    public override IReadOnlyList<string> Aliases => ["my deals", "my opportunities"];
    public override string Usage => "我的商机";
    public override string UsageEn => "my deals";
    public override string Summary => "我负责的商机及阶段";
    public override string SummaryEn => "your opportunities";
    public override string Example => "我的商机";
    public override bool IsFor(User user) => Access.WorksCustomers(user);

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var list = opportunities.Mine(ctx.User);
        if (list.Count == 0) return Say(ctx.L("你还没有商机。发送：新建商机 <公司> <项目>", "You have no opportunities yet."));
        var card = new Card { Title = ctx.L($"我的商机（{list.Count(o => o.Stage.IsOpen())} 个进行中）", $"My deals ({list.Count(o => o.Stage.IsOpen())} open)") };
        foreach (var o in list)
        {
            card.Lines.Add($"#{o.Id} {o.CustomerName} · {o.Name} · {o.Stage.Chinese()}" + ((o.ExpectedAmount ?? o.PartsAmount) is > 0 and var amt ? $" · {QuoteCards.Money(amt)}" : ""));
            if (o.Stage.IsOpen() && card.Actions.Count < 5) card.Actions.Add(CardAction.Command($"#{o.Id} {o.Name}", $"商机 #{o.Id}"));
        }
        return Say(Reply.WithCard(Cards.ToText(card), card));
    }
}

/// <summary>推进 &lt;商机&gt; &lt;阶段&gt; — through the stage gates; what is missing is asked for.</summary>
public sealed class AdvanceCommand(IServiceProvider sp, OpportunityService opportunities) : SalesCommand(sp)
{
    public override string Name => "推进";
    public override IReadOnlyList<string> Aliases => ["advance", "move", "推进到"];
    public override string Usage => "推进 <商机> <阶段>";
    public override string UsageEn => "advance <opportunity> <stage>";
    public override string Summary => "推进到 询报价/申样/测试/发起订单（不满足条件时会告诉你缺什么）";
    public override string SummaryEn => "move to a stage (the bot says what is missing)";
    public override string Example => "推进 伺服驱动器 询报价";
    public override IReadOnlyList<Param> Params =>
    [
        new("opportunity", ParamKind.Opportunity, "请问推进哪个商机？", "Which opportunity?"),
        new("stage", ParamKind.Text, "推进到哪个阶段？（需求挖掘/询报价/申样/测试/发起订单）", "Which stage?"),
    ];

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        if (!Stages.TryParse(v.Text("stage"), out var stage) || stage == Stage.Lost)
            return Say(ctx.L($"没有“{v.Text("stage")}”这个阶段。可选：需求挖掘、询报价、申样、测试、发起订单（丢单请用：丢单 <商机> <原因>）。",
                             "Unknown stage. Use: discovery, quote, sample, testing, order."));
        var o = opportunities.Advance(ctx.Actor, v.Entity<Opportunity>("opportunity").Id, stage);
        return Say(ctx.L($"✅ {o.CustomerName}「{o.Name}」已推进到 {o.Stage.Chinese()}。\n{SalesText.Path(o)}", $"✅ Moved to {o.Stage}."));
    }
}

/// <summary>丢单 &lt;商机&gt; &lt;原因&gt;</summary>
public sealed class LoseCommand(IServiceProvider sp, OpportunityService opportunities) : SalesCommand(sp)
{
    public override string Name => "丢单";
    public override IReadOnlyList<string> Aliases => ["lose", "lost"];
    public override string Usage => "丢单 <商机> <原因>";
    public override string UsageEn => "lose <opportunity> <reason>";
    public override string Summary => "标记丢单（需写原因）";
    public override string SummaryEn => "mark as lost (with a reason)";
    public override string Example => "丢单 伺服驱动器 客户改用国产方案";
    public override IReadOnlyList<Param> Params =>
    [
        new("opportunity", ParamKind.Opportunity, "请问哪个商机丢单了？", "Which opportunity?"),
        new("reason", ParamKind.Text, "请写一下丢单原因：", "Why was it lost?"),
    ];

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var o = opportunities.Lose(ctx.Actor, v.Entity<Opportunity>("opportunity").Id, v.Text("reason"));
        return Say(ctx.L($"已标记丢单：{o.CustomerName}「{o.Name}」\n原因：{o.LostReason}", $"Marked lost: {o.Name}."));
    }
}

/// <summary>添加物料 &lt;商机&gt; &lt;型号&gt; &lt;年用量&gt; [目标价] [特殊] — also answers the 询报价 gate's question.</summary>
public sealed class AddPartCommand(IServiceProvider sp, OpportunityService opportunities) : SalesCommand(sp)
{
    public override string Name => "添加物料";
    public override IReadOnlyList<string> Aliases => ["add part", "part", "加物料"];
    public override string Usage => "添加物料 <商机> <型号> <年用量> [目标价] [特殊]";
    public override string UsageEn => "add part <opportunity> <mpn> <annual qty> [target price] [special]";
    public override string Summary => "给商机添加物料（年用量、目标价；特殊物料会走审批）";
    public override string SummaryEn => "add a part to an opportunity";
    public override string Example => "添加物料 伺服驱动器 STM32F103C8T6 10万 8.5";
    public override IReadOnlyList<Param> Params =>
    [
        new("opportunity", ParamKind.Opportunity, "请问给哪个商机添加物料？", "Which opportunity?"),
        new("spec", ParamKind.Text, "请输入型号和年用量（可加目标价），例如：STM32F103C8T6 10000 8.5", "Part and annual quantity, e.g. STM32F103C8T6 10000 8.5"),
    ];

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var t = Tokens.Split(v.Text("spec"));
        var special = t.RemoveAll(x => x is "特殊" or "special" or "特殊物料") > 0;
        if (t.Count < 2) throw new CrmException("请写型号和年用量，例如：STM32F103C8T6 10000 8.5", "Give a part number and an annual quantity.");
        var part = new OpportunityPart { Mpn = t[0], AnnualQuantity = SalesText.Quantity(t[1]), TargetPrice = t.Count > 2 ? SalesText.Price(t[2]) : null, Special = special };
        var o = opportunities.AddPart(ctx.Actor, v.Entity<Opportunity>("opportunity").Id, part);
        var text = ctx.L($"✅ 已添加物料：{part.Mpn} 年用量 {part.AnnualQuantity:#,0}" + (part.TargetPrice is decimal p ? $" 目标价 {QuoteCards.Money(p)}" : "") + $"（{o.Name} 共 {o.Parts.Count} 个物料）",
                         $"✅ Part added: {part.Mpn} × {part.AnnualQuantity}");
        if (v.Get("then") is { } then && Enum.TryParse<Stage>(then, out var stage) && o.Stage != stage)
        {
            o = opportunities.Advance(ctx.Actor, o.Id, stage);
            text += ctx.L($"\n✅ 已推进到 {o.Stage.Chinese()}。", $"\n✅ Moved to {o.Stage}.");
        }
        return Say(text);
    }
}

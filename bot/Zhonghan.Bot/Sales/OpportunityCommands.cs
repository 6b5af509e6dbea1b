using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

/// <summary>新建商机 &lt;公司&gt; &lt;项目&gt; [预计金额] — an amount at the end (80万元, 800k, ¥800,000) is the amount.</summary>
public sealed class NewOpportunityCommand(OpportunityService opportunities) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("new-deal", "新建商机")
    {
        Aliases = ["new deal", "deal", "商机新建", "建商机"],
        Group = CommandGroups.Sales,
        Who = Who.CustomerWorkers,
        Params =
        [
            new("company", ParamKind.Company, "公司", "company", "请问是哪家客户的商机？", "Which customer?"),
            new("project", ParamKind.Text, "项目", "project", "请输入项目名称：", "Project name?"),
            new("amount", ParamKind.Amount, "预计金额", "expected amount", "预计金额？", "Expected amount?") { Required = false },
        ],
        Summary = "为客户新建一个商机（从需求挖掘开始）", SummaryEn = "open an opportunity for a customer",
        Example = "新建商机 汇川 新一代伺服驱动器 80万",
        Notes = "open an opportunity (需求挖掘); `新建商机 海康 安防摄像头电源 80万元` → 「安防摄像头电源」 ¥800,000",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var c = v.Customer("company");
        var o = opportunities.Create(ctx.Actor, c.Id, v.Text("project"), v.Money("amount"));
        return Reply.WithCard(ctx.L($"✅ 已新建商机 #{o.Id}：{c.Company}「{o.Name}」，阶段 需求挖掘。\n下一步：{CommandText.Zh<AddPartCommand>($"#{o.Id}")} <型号> <年用量> [目标价]",
            $"✅ Opportunity #{o.Id} opened: {c.Company} '{o.Name}'.\nNext: add parts."),
            new Card { Title = $"商机 #{o.Id} {o.Name}", Actions = [CardAction.Run("查看商机", CommandIntent.OfOpportunity(ActionKind.OpenOpportunity, o.Id))] });
    }
}

/// <summary>商机 &lt;名称&gt; — the card with the stage path and what the next stage needs.</summary>
public sealed class OpportunityCommand(OpportunityCards cards) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("opportunity", "商机")
    {
        Aliases = ["opportunity", "opp", "查商机", "看商机"],
        Group = CommandGroups.Sales,
        Params = [new("opportunity", ParamKind.Opportunity, "名称", "name", "请问查哪个商机？", "Which opportunity?")],
        Summary = "商机卡片：阶段路径、下一阶段需要什么", SummaryEn = "the opportunity card",
        Example = "商机 伺服驱动器",
        Notes = "the card with the stage path and what the next stage needs",
        Serves = ActionKind.OpenOpportunity,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var card = cards.Card(v.Entity<Opportunity>("opportunity"), ctx.User);
        return Reply.WithCard(Cards.ToText(card), card);
    }
}

/// <summary>我的商机 — open ones first.</summary>
public sealed class MyOpportunitiesCommand(OpportunityService opportunities) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("my-deals", "我的商机")
    {
        Aliases = ["my deals", "my opportunities"],
        Group = CommandGroups.Sales,
        Who = Who.CustomerWorkers,
        Summary = "我负责的商机及阶段", SummaryEn = "your opportunities",
        Example = "我的商机",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var list = opportunities.Mine(ctx.User);
        if (list.Count == 0) return ctx.L($"你还没有商机。发送：{CommandText.Zh<NewOpportunityCommand>("<公司> <项目>")}", "You have no opportunities yet.");
        var card = new Card { Title = ctx.L($"我的商机（{list.Count(o => o.Stage.IsOpen())} 个进行中）", $"My deals ({list.Count(o => o.Stage.IsOpen())} open)") };
        foreach (var o in list)
        {
            card.Lines.Add($"#{o.Id} {o.CustomerName} · {o.Name} · {o.Stage.Chinese()}" + ((o.ExpectedAmount ?? o.PartsAmount) is > 0 and var amt ? $" · {QuoteCards.Money(amt)}" : ""));
            if (o.Stage.IsOpen() && card.Actions.Count < 5) card.Actions.Add(CardAction.Run($"#{o.Id} {o.Name}", CommandIntent.OfOpportunity(ActionKind.OpenOpportunity, o.Id)));
        }
        return Reply.WithCard(Cards.ToText(card), card);
    }
}

/// <summary>推进 &lt;商机&gt; &lt;阶段&gt; — through the stage gates; a closed gate says what is missing and asks for it.</summary>
public sealed class AdvanceCommand(OpportunityService opportunities, GateAnswers gates) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("advance", "推进")
    {
        Aliases = ["advance", "move", "推进到"],
        Group = CommandGroups.Sales,
        Params =
        [
            new("opportunity", ParamKind.Opportunity, "商机", "opportunity", "请问推进哪个商机？", "Which opportunity?"),
            new("stage", ParamKind.Text, "阶段", "stage", "推进到哪个阶段？（需求挖掘/询报价/申样/测试/发起订单）", "Which stage?"),
        ],
        Summary = "推进到 询报价/申样/测试/发起订单（不满足条件时会告诉你缺什么）", SummaryEn = "move to a stage (the bot says what is missing)",
        Example = "推进 伺服驱动器 询报价",
        Notes = "询报价 / 申样 / 测试 / 发起订单 through the stage gates; what is missing is asked for",
        Serves = ActionKind.Advance,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        if (!Stages.TryParse(v.Text("stage"), out var stage) || stage == Stage.Lost)
            return ctx.L($"没有“{v.Text("stage")}”这个阶段。可选：需求挖掘、询报价、申样、测试、发起订单（丢单请用：{LoseCommand.Spec.Usage(false)}）。",
                         "Unknown stage. Use: discovery, quote, sample, testing, order.");
        var target = v.Entity<Opportunity>("opportunity");
        var moved = opportunities.TryAdvance(ctx.Actor, target.Id, stage);
        if (moved.Closed is { } gate) return gates.For(ctx, target, gate);
        var o = moved.Value;
        return ctx.L($"✅ {o.CustomerName}「{o.Name}」已推进到 {o.Stage.Chinese()}。\n{SalesText.Path(o)}", $"✅ Moved to {o.Stage}.");
    }
}

/// <summary>丢单 &lt;商机&gt; &lt;原因&gt;</summary>
public sealed class LoseCommand(OpportunityService opportunities) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("lose", "丢单")
    {
        Aliases = ["lose", "lost"],
        Group = CommandGroups.Sales,
        Params =
        [
            new("opportunity", ParamKind.Opportunity, "商机", "opportunity", "请问哪个商机丢单了？", "Which opportunity?"),
            new("reason", ParamKind.Text, "原因", "reason", "请写一下丢单原因：", "Why was it lost?"),
        ],
        Summary = "标记丢单（需写原因）", SummaryEn = "mark as lost (with a reason)",
        Example = "丢单 伺服驱动器 客户改用国产方案",
        Notes = "lost, with a reason",
        Serves = ActionKind.Lose,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var o = opportunities.Lose(ctx.Actor, v.Entity<Opportunity>("opportunity").Id, v.Text("reason"));
        return ctx.L($"已标记丢单：{o.CustomerName}「{o.Name}」\n原因：{o.LostReason}", $"Marked lost: {o.Name}.");
    }
}

using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

/// <summary>申样 &lt;商机&gt; &lt;型号&gt; &lt;数量&gt; [地址] — entering 申样 through its gate (an approved quote).</summary>
public sealed class SampleCommand(SampleService samples, GateAnswers gates) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("sample", "申样")
    {
        Aliases = ["sample", "申请样品"],
        Group = CommandGroups.Sales,
        Who = Who.CustomerWorkers,
        Params =
        [
            new("opportunity", ParamKind.Opportunity, "商机", "opportunity", "请问哪个商机申样？", "Which opportunity?"),
            new("mpn", ParamKind.Text, "型号", "mpn", "请输入型号和数量（可加地址），例如：STM32F103C8T6 20", "Part and quantity, e.g. STM32F103C8T6 20")
                { AnswerFillsRest = true },
            new("qty", ParamKind.Quantity, "数量", "qty", "样品数量？", "How many?"),
            new("address", ParamKind.Text, "地址", "address") { Required = false, Rest = true },
        ],
        Summary = "申请样品（需要审批通过的报价）", SummaryEn = "request samples (needs an approved quote)",
        Example = "申样 伺服驱动器 STM32F103C8T6 20 深圳南山区xx路1号",
        Notes = "samples: a request (approved if configured), then shipped and received",
        Serves = ActionKind.RequestSample,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var o = v.Entity<Opportunity>("opportunity");
        var requested = samples.TryRequest(ctx.Actor, o.Id, v.Text("mpn"), v.Quantity("qty")!.Value, v.Get("address"));
        if (requested.Closed is { } gate) return gates.For(ctx, o, gate);
        var s = requested.Value;
        return ctx.L($"✅ 已提交申样单 {s.No}：{s.Mpn} × {s.Quantity:#,0}，{SampleRequest.Chinese(s.Status)}。寄出后会通知你。", $"✅ Sample request {s.No} submitted.");
    }
}

/// <summary>寄样 &lt;申样单&gt; &lt;快递单号&gt;</summary>
public sealed class ShipSampleCommand(SampleService samples) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("ship-sample", "寄样")
    {
        Aliases = ["ship sample"],
        Group = CommandGroups.Sales,
        Params =
        [
            new("no", ParamKind.Code, "申样单", "S3", "请问是哪张申样单？（例如 S3）", "Which sample request?") { Code = CodeKind.Sample },
            new("tracking", ParamKind.Text, "快递单号", "tracking", "请输入快递单号：", "Tracking number?"),
        ],
        Summary = "样品已寄出（通知销售）", SummaryEn = "samples shipped (the rep is told)",
        Example = "寄样 S3 SF1234567890",
        Notes = "samples shipped with a tracking number",
        Serves = ActionKind.ShipSample,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var s = samples.Ship(ctx.Actor, v.Code("no")!.Value.Number, v.Text("tracking"));
        return ctx.L($"✅ 申样单 {s.No} 已寄出，快递单号 {s.Tracking}，已通知销售。", $"✅ {s.No} shipped.");
    }
}

/// <summary>签收 &lt;申样单&gt;</summary>
public sealed class ReceiveSampleCommand(SampleService samples, ICommandWords words) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("received", "签收")
    {
        Aliases = ["received"],
        Group = CommandGroups.Sales,
        Params = [new("no", ParamKind.Code, "申样单", "S3", "请问是哪张申样单？（例如 S3）", "Which sample request?") { Code = CodeKind.Sample }],
        Summary = "客户已签收样品", SummaryEn = "the customer received the samples",
        Example = "签收 S3",
        Notes = "the customer received the samples",
        Serves = ActionKind.ReceiveSample,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var s = samples.Receive(ctx.Actor, v.Code("no")!.Value.Number);
        return ctx.L($"✅ 申样单 {s.No} 客户已签收。测试有结果后发送：{words.Usage(CommandIntent.OfOpportunity(ActionKind.TestResult, s.OpportunityId))}", $"✅ {s.No} received.");
    }
}

/// <summary>测试结果 &lt;商机&gt; 通过|不通过 &lt;反馈&gt; — entering 测试 through its gate (a shipped sample).</summary>
public sealed class TestResultCommand(OpportunityService opportunities, GateAnswers gates, ICommandWords words) : Command, ICommand
{
    private static readonly Dictionary<string, string> Results = new()
    {
        ["通过"] = "pass", ["pass"] = "pass", ["passed"] = "pass", ["ok"] = "pass", ["合格"] = "pass",
        ["不通过"] = "fail", ["未通过"] = "fail", ["fail"] = "fail", ["failed"] = "fail", ["不合格"] = "fail",
    };

    public static CommandSpec Spec { get; } = new("test-result", "测试结果")
    {
        Aliases = ["test result", "test"],
        Group = CommandGroups.Sales,
        Who = Who.CustomerWorkers,
        Params =
        [
            new("opportunity", ParamKind.Opportunity, "商机", "opportunity", "请问哪个商机的测试结果？", "Which opportunity?"),
            new("result", ParamKind.Enum, "通过|不通过", "pass|fail", "测试通过还是不通过？", "Pass or fail?") { Bare = true, Choices = Results },
            new("feedback", ParamKind.Text, "反馈", "feedback", "请写一下客户的反馈：", "The customer's feedback?"),
        ],
        Summary = "记录客户的测试结果（通过后可以下单）", SummaryEn = "record the customer's test result",
        Example = "测试结果 伺服驱动器 通过 高低温测试正常",
        Notes = "the customer's test",
        Serves = ActionKind.TestResult,
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var passed = v.Choice("result") == "pass";
        var target = v.Entity<Opportunity>("opportunity");
        var tested = opportunities.TryRecordTest(ctx.Actor, target.Id, passed, v.Text("feedback"));
        if (tested.Closed is { } gate) return gates.For(ctx, target, gate);
        var o = tested.Value;
        return ctx.L(passed
            ? $"✅ 已记录：{o.Name} 测试通过。可以下单了：{words.Usage(CommandIntent.OfOpportunity(ActionKind.Order, o.Id))}"
            : $"已记录：{o.Name} 测试不通过。反馈已保存，可以重新申样或丢单。", passed ? "✅ Test passed." : "Recorded: test failed.");
    }
}

using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Sales;

/// <summary>申样 &lt;商机&gt; &lt;型号&gt; &lt;数量&gt; [地址]</summary>
public sealed class SampleCommand(IServiceProvider sp, SampleService samples) : SalesCommand(sp)
{
    public override string Name => "申样";
    public override IReadOnlyList<string> Aliases => ["sample", "申请样品"];
    public override string Usage => "申样 <商机> <型号> <数量> [地址]";
    public override string UsageEn => "sample <opportunity> <mpn> <qty> [address]";
    public override string Summary => "申请样品（需要审批通过的报价）";
    public override string SummaryEn => "request samples (needs an approved quote)";
    public override string Example => "申样 伺服驱动器 STM32F103C8T6 20 深圳南山区xx路1号";
    public override bool IsFor(User user) => Access.WorksCustomers(user);
    public override IReadOnlyList<Param> Params =>
    [
        new("opportunity", ParamKind.Opportunity, "请问哪个商机申样？", "Which opportunity?"),
        new("spec", ParamKind.Text, "请输入型号和数量（可加地址），例如：STM32F103C8T6 20", "Part and quantity, e.g. STM32F103C8T6 20"),
    ];

    protected override async Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var t = Tokens.Split(v.Text("spec"));
        if (t.Count < 2) throw new CrmException("请写型号和数量，例如：申样 伺服驱动器 STM32F103C8T6 20", "Give a part and a quantity.");
        var s = samples.Request(ctx.Actor, v.Entity<Opportunity>("opportunity").Id, t[0], SalesText.Quantity(t[1]), t.Count > 2 ? string.Join(" ", t.Skip(2)) : null);
        return [Reply.Of(ctx.L($"✅ 已提交申样单 {s.No}：{s.Mpn} × {s.Quantity:#,0}，{SampleRequest.Chinese(s.Status)}。寄出后会通知你。",
                               $"✅ Sample request {s.No} submitted."))];
    }
}

/// <summary>寄样 &lt;申样单&gt; &lt;快递单号&gt;</summary>
public sealed class ShipSampleCommand(IServiceProvider sp, SampleService samples) : SalesCommand(sp)
{
    public override string Name => "寄样";
    public override IReadOnlyList<string> Aliases => ["ship sample"];
    public override string Usage => "寄样 <申样单> <快递单号>";
    public override string UsageEn => "ship sample <S3> <tracking>";
    public override string Summary => "样品已寄出（通知销售）";
    public override string SummaryEn => "samples shipped (the rep is told)";
    public override string Example => "寄样 S3 SF1234567890";
    public override IReadOnlyList<Param> Params =>
    [
        new("no", ParamKind.Text, "请问是哪张申样单？（例如 S3）", "Which sample request?"),
        new("tracking", ParamKind.Text, "请输入快递单号：", "Tracking number?"),
    ];

    protected override async Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var s = samples.Ship(ctx.Actor, SalesText.Number(v.Text("no"), CodeKind.Sample), v.Text("tracking"));
        return [Reply.Of(ctx.L($"✅ 申样单 {s.No} 已寄出，快递单号 {s.Tracking}，已通知销售。", $"✅ {s.No} shipped."))];
    }
}

/// <summary>签收 &lt;申样单&gt;</summary>
public sealed class ReceiveSampleCommand(IServiceProvider sp, SampleService samples) : SalesCommand(sp)
{
    public override string Name => "签收";
    public override IReadOnlyList<string> Aliases => ["received"];
    public override string Usage => "签收 <申样单>";
    public override string UsageEn => "received <S3>";
    public override string Summary => "客户已签收样品";
    public override string SummaryEn => "the customer received the samples";
    public override string Example => "签收 S3";
    public override IReadOnlyList<Param> Params => [new("no", ParamKind.Text, "请问是哪张申样单？（例如 S3）", "Which sample request?")];

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var s = samples.Receive(ctx.Actor, SalesText.Number(v.Text("no"), CodeKind.Sample));
        return Say(ctx.L($"✅ 申样单 {s.No} 客户已签收。测试有结果后发送：测试结果 #{s.OpportunityId} 通过|不通过 <反馈>", $"✅ {s.No} received."));
    }
}

/// <summary>测试结果 &lt;商机&gt; 通过|不通过 &lt;反馈&gt;</summary>
public sealed class TestResultCommand(IServiceProvider sp, OpportunityService opportunities) : SalesCommand(sp)
{
    public override string Name => "测试结果";
    public override IReadOnlyList<string> Aliases => ["test result", "test"];
    public override string Usage => "测试结果 <商机> 通过|不通过 <反馈>";
    public override string UsageEn => "test result <opportunity> pass|fail <feedback>";
    public override string Summary => "记录客户的测试结果（通过后可以下单）";
    public override string SummaryEn => "record the customer's test result";
    public override string Example => "测试结果 伺服驱动器 通过 高低温测试正常";
    public override bool IsFor(User user) => Access.WorksCustomers(user);
    public override IReadOnlyList<Param> Params =>
    [
        new("opportunity", ParamKind.Opportunity, "请问哪个商机的测试结果？", "Which opportunity?"),
        new("result", ParamKind.Text, "测试通过还是不通过？", "Pass or fail?"),
        new("feedback", ParamKind.Text, "请写一下客户的反馈：", "The customer's feedback?"),
    ];

    protected override Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        bool passed = v.Text("result").Trim().ToLowerInvariant() switch
        {
            "通过" or "pass" or "passed" or "ok" or "合格" => true,
            "不通过" or "未通过" or "fail" or "failed" or "不合格" => false,
            _ => throw new CrmException("测试结果请写“通过”或“不通过”。", "Write pass or fail."),
        };
        var o = opportunities.RecordTest(ctx.Actor, v.Entity<Opportunity>("opportunity").Id, passed, v.Text("feedback"));
        return Say(ctx.L(passed
            ? $"✅ 已记录：{o.Name} 测试通过。可以下单了：下单 #{o.Id} 试产|批量 <型号> <数量> <单价>"
            : $"已记录：{o.Name} 测试不通过。反馈已保存，可以重新申样或丢单。", passed ? "✅ Test passed." : "Recorded: test failed."));
    }
}

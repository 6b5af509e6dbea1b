using Zhonghan.Adapters.Teams.Tests.Fakes;

namespace Zhonghan.Adapters.Teams.Tests;

/// <summary>The cross-channel script (lead → follow-up → customer → 商机) spoken in Teams by 张三.</summary>
public sealed class ConversationScriptTests
{
    [Fact]
    public async Task ARepCreatesALeadLogsAFollowUpOpensTheCustomerAndOpensAnOpportunity()
    {
        await using var teams = await TeamsBot.StartAsync();

        var lead = Assert.Single(await teams.SayAsync("新建线索 宁波舜宇光电信息有限公司 陈工 13900001111"));
        Assert.StartsWith("✅ 已新建线索：宁波舜宇光电信息有限公司（#", lead);
        Assert.Contains("联系人：陈工 13900001111", lead);
        Assert.Contains("负责人：张三", lead);
        var leadCard = teams.Connector.Activities.Last().Card!;
        Assert.Equal("新线索 · 安排首次跟进", (string?)leadCard["body"]![1]!["text"]);
        Assert.Equal(["明天", "后天", "下周一", "查看客户"], leadCard["actions"]!.AsArray().Select(a => (string?)a!["title"]));

        teams.Bot.Clock.Advance(TimeSpan.FromHours(2));
        var followUp = Assert.Single(await teams.SayAsync("跟进 舜宇 拜访陈工，确认摄像头模组用量 下次 明天"));
        Assert.StartsWith("✅ 已记录跟进：宁波舜宇光电信息有限公司", followUp);
        Assert.Contains("内容：拜访陈工，确认摄像头模组用量", followUp);
        Assert.Contains("下次跟进：2026-12-01（周二）", followUp);

        teams.Bot.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(await teams.SayAsync("客户 舜宇"));
        var card = teams.Connector.Activities.Last().Card!;
        var json = card.ToJsonString(Model.TeamsJson.Options);
        Assert.Equal("宁波舜宇光电信息有限公司", (string?)card["body"]![0]!["text"]);
        Assert.Contains("拜访陈工，确认摄像头模组用量", json);
        Assert.Contains("\"title\":\"下次跟进\",\"value\":\"2026-12-01（周二）", json);
        Assert.Contains("陈工", json);

        var deal = Assert.Single(await teams.SayAsync("新建商机 舜宇 车载摄像头模组 50万"));
        Assert.Matches(@"^✅ 已新建商机 #\d+：宁波舜宇光电信息有限公司「车载摄像头模组」，阶段 需求挖掘。", deal);
        Assert.StartsWith("商机 #", (string?)teams.Connector.Activities.Last().Card!["body"]![0]!["text"]);
    }
}

using System.Text.Json;
using Zhonghan.Testing;
using Zhonghan.Adapters.WeCom.Messaging;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom.Tests;

/// <summary>
/// Issue 11, item 5: the answer to a live turn goes before the backlog, the backlog per member is bounded (counted in
/// /healthz), and sends keep to WeCom's per-member limits (30 a minute, 1000 an hour).
/// </summary>
[Collection(LogAssertingCollection.Name)]
public class OutboxPriorityTests
{
    private static ConversationAddress To(string user) => ConversationAddress.For(Channels.WeCom, user);

    private static List<string> TextsTo(WeComTestBot w, string user) =>
        w.Fake.CallsTo("message/send").Where(c => c.Body!["touser"]!.GetValue<string>() == user)
            .Select(c => c.Body!["text"]?["content"]?.GetValue<string>() ?? "").ToList();

    [Fact]
    public async Task TheAnswerToALiveTurnGoesBeforeTheBacklog()
    {
        await using var w = await WeComTestBot.StartAsync(settings: ["WeCom:MemberMessagesPerMinute=2"]);
        var messenger = w.Get<WeComMessenger>();
        for (var i = 1; i <= 6; i++)
            await messenger.SendAsync(To("zhangsan"), [Reply.Of($"提醒{i}")], SendOptions.Default, default);
        Assert.Equal(["提醒1", "提醒2"], TextsTo(w, "zhangsan"));

        await messenger.SendAsync(To("zhangsan"), [Reply.Of("这是刚才那条消息的回答")], new SendOptions { LiveReply = true }, default);
        var before = w.Fake.CallsTo("message/send").Count;
        w.Clock.Advance(TimeSpan.FromSeconds(61));
        await messenger.FlushAsync("zhangsan", default);
        var next = w.Fake.CallsTo("message/send").Skip(before).First();
        Assert.Equal("这是刚才那条消息的回答", next.Body!["text"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheBacklogPerMemberIsBoundedOldestDroppedWithAWarningAndACount()
    {
        await using var w = await WeComTestBot.StartAsync(settings: ["WeCom:MemberMessagesPerMinute=1", "WeCom:MaxBacklogPerMember=5"]);
        var messenger = w.Get<WeComMessenger>();
        for (var i = 1; i <= 12; i++)
            await messenger.SendAsync(To("lisi"), [Reply.WithCard($"推送{i:D2}", new Card { Title = $"推送{i:D2}", Fields = [new CardField { Label = "序号", Value = i.ToString() }] })],
                SendOptions.Default, default);
        var queued = w.Get<WeComOutbox>().Queued("lisi");
        Assert.Equal(5, queued.Count);
        Assert.Contains("推送12", queued[^1].Text + queued[^1].CardJson);
        Assert.Contains("推送08", queued[0].Text + queued[0].CardJson);
        Assert.Contains("dropped the", w.LogText());

        var details = JsonDocument.Parse(await w.Bot.Http.GetStringAsync("/healthz?details=true")).RootElement;
        var outbox = details.GetProperty("checks").GetProperty("wecom-outbox").GetProperty("data");
        Assert.Equal(6, outbox.GetProperty("dropped").GetInt64());
        Assert.Equal(5, outbox.GetProperty("queued").GetInt32());
        Assert.Equal("ok", await w.Bot.Http.GetStringAsync("/healthz"));
    }
}

/// <summary>The pace itself on a fake clock.</summary>
public class MemberPaceTests
{
    [Fact]
    public void ThePaceKeepsToTheMinuteAndTheHourLimits()
    {
        var clock = TestClock.Create(DateTimeOffset.Parse("2026-12-01T02:00:00Z"));
        var pace = new MemberPace(clock, perMinute: 25, perHour: 30);
        for (var i = 0; i < 25; i++) pace.Record("u");
        Assert.Equal(0, pace.Available("u"));
        Assert.Equal(clock.GetUtcNow().AddMinutes(1), pace.NextSlot("u"));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(5, pace.Available("u"));
        for (var i = 0; i < 5; i++) pace.Record("u");
        Assert.Equal(0, pace.Available("u"));
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T03:00:00Z"), pace.NextSlot("u"));
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(25, pace.Available("u"));
        Assert.Equal(25, pace.Available("someone else"));
    }
}

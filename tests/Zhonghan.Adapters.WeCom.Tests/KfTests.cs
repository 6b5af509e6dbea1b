using Zhonghan.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Zhonghan.Adapters.WeCom.Kf;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;

namespace Zhonghan.Adapters.WeCom.Tests;

/// <summary>
/// Stands in for the knowledge room's desk (built in parallel): answers like the placeholder, and hands the customer
/// over when asked for a person.
/// </summary>
public sealed class HandOverDesk : ICustomerDesk
{
    public Task<IReadOnlyList<Reply>> HandleAsync(Turn turn, string turnId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Reply>>(turn.Text?.Contains("转人工") == true
            ? [new Reply { Text = "好的，正在为您转接销售。", HandOverToHuman = true }]
            : [Reply.Of($"收到：{turn.Text}")]);
}

public sealed class KfFixture : IAsyncLifetime
{
    public WeComTestBot W { get; private set; } = null!;
    public async Task InitializeAsync() =>
        W = await WeComTestBot.StartAsync(b => b.Services.Replace(ServiceDescriptor.Singleton<ICustomerDesk, HandOverDesk>()));
    public async Task DisposeAsync() => await W.DisposeAsync();
}

/// <summary>微信客服 end to end: notice → sync_msg → customer desk → send_msg, with the cursor and hand-over.</summary>
[Collection(LogAssertingCollection.Name)] // shares the fake's session state across steps: run alone
public class KfTests(KfFixture fixture) : IClassFixture<KfFixture>
{
    private WeComTestBot W => fixture.W;
    private const string Account = "wkZhonghanKf";

    private static object CustomerText(string msgId, string customer, string text) =>
        new { msgid = msgId, open_kfid = Account, external_userid = customer, send_time = 1764466200, origin = 3, msgtype = "text", text = new { content = text } };

    private Task<HttpResponseMessage> NoticeAsync(string token = "SYNC_TOKEN") =>
        W.Bot.Http.SendAsync(W.Callback(WeComTestBot.EventXml("sys", "kf_msg_or_event", W.Now,
            $"<Token><![CDATA[{token}]]></Token><OpenKfId><![CDATA[{Account}]]></OpenKfId>")));

    private static string SentText(FakeWeCom.Call c) => c.Body!["text"]!["content"]!.GetValue<string>();

    [Fact]
    public async Task ACustomerMessageIsAnsweredOnceAndTheCursorRemembered()
    {
        W.Fake.KfState = WeComKf.StateUntouched;
        var sendsBefore = W.Fake.CallsTo("kf/send_msg").Count;
        var syncsBefore = W.Fake.CallsTo("kf/sync_msg").Count;
        W.Fake.AddKfPage("cursor-1", hasMore: true, CustomerText("kfm-1", "wmCustomerA", "STM32F103C8T6 有现货吗？"));
        W.Fake.AddKfPage("cursor-2", hasMore: false,
            new { msgid = "sys-1", open_kfid = Account, origin = 4, msgtype = "event", @event = new { event_type = "session_status_change" } });

        var response = await NoticeAsync();
        Assert.Equal("", await response.Content.ReadAsStringAsync()); // the callback is answered at once

        var sends = await W.Fake.WaitForAsync("kf/send_msg", sendsBefore + 1);
        var sent = sends.Last();
        Assert.Equal("wmCustomerA", sent.Body!["touser"]!.GetValue<string>());
        Assert.Equal(Account, sent.Body!["open_kfid"]!.GetValue<string>());
        Assert.Equal("收到：STM32F103C8T6 有现货吗？", SentText(sent));
        Assert.Equal(32, sent.Body!["msgid"]!.GetValue<string>().Length);

        var syncs = await W.Fake.WaitForAsync("kf/sync_msg", syncsBefore + 2);
        Assert.Equal("SYNC_TOKEN", syncs[syncsBefore].Body!["token"]!.GetValue<string>());
        Assert.Equal("cursor-1", syncs[syncsBefore + 1].Body!["cursor"]!.GetValue<string>()); // has_more: the loop went on
        // The session was untouched: the bot took it (state 1) before answering.
        Assert.Contains(W.Fake.CallsTo("kf/service_state/trans"), c => c.Body!["service_state"]!.GetValue<int>() == WeComKf.StateBot);
        Assert.Equal("微信用户wmCustomerA", W.Get<ExternalContacts>().Get(Channels.WeComKf, "wmCustomerA")?.Name);

        // The same message delivered again (a page re-read after a crash) is not answered twice;
        // the next sync starts from the saved cursor.
        W.Fake.AddKfPage("cursor-3", hasMore: false, CustomerText("kfm-1", "wmCustomerA", "STM32F103C8T6 有现货吗？"));
        var syncCount = W.Fake.CallsTo("kf/sync_msg").Count;
        await NoticeAsync("SYNC_TOKEN_2");
        var after = await W.Fake.WaitForAsync("kf/sync_msg", syncCount + 1);
        Assert.Equal("cursor-2", after[syncCount].Body!["cursor"]!.GetValue<string>());
        await W.IdleAsync();
        Assert.Equal(sendsBefore + 1, W.Fake.CallsTo("kf/send_msg").Count);
        Assert.Equal("cursor-3", W.Get<KfStore>().Cursor(Account));
    }

    [Fact]
    public async Task AskingForAPersonHandsTheCustomerToAColleagueOnDuty()
    {
        W.Fake.KfState = WeComKf.StateBot;
        var transBefore = W.Fake.CallsTo("kf/service_state/trans").Count;
        W.Fake.AddKfPage("cursor-h", hasMore: false, CustomerText("kfm-h1", "wmCustomerB", "转人工"));
        await NoticeAsync();
        var trans = await W.Fake.WaitForAsync("kf/service_state/trans", transBefore + 1);
        var handOver = trans.Last().Body!;
        Assert.Equal(WeComKf.StateHuman, handOver["service_state"]!.GetValue<int>());
        Assert.Equal("zhangsan", handOver["servicer_userid"]!.GetValue<string>()); // the demo rep on duty
        Assert.Contains(W.Fake.CallsTo("kf/send_msg"), c => SentText(c) == "好的，正在为您转接销售。");

        // Now a person serves the customer: the bot stays silent.
        var sends = W.Fake.CallsTo("kf/send_msg").Count;
        W.Fake.AddKfPage("cursor-h2", hasMore: false, CustomerText("kfm-h2", "wmCustomerB", "你好，在吗"));
        var syncs = W.Fake.CallsTo("kf/sync_msg").Count;
        await NoticeAsync();
        await W.Fake.WaitForAsync("kf/service_state/get", W.Fake.CallsTo("kf/service_state/get").Count + 1);
        await W.IdleAsync();
        Assert.True(W.Fake.CallsTo("kf/sync_msg").Count > syncs);
        Assert.Equal(sends, W.Fake.CallsTo("kf/send_msg").Count);
    }
}

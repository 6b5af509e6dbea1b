using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Zhonghan.Bot.Hosting;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom.Tests;

/// <summary>A route that answers "慢" only when the test opens the gate: a turn slower than WeCom's callback window.</summary>
public sealed class GateRoute : IRoute
{
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public int Runs;
    public int Order => RouteOrder.Welcome - 1;

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(TurnContext ctx, CancellationToken ct)
    {
        if (ctx.Text != "慢") return null;
        Interlocked.Increment(ref Runs);
        await Gate.Task.WaitAsync(ct);
        return [Reply.Of("慢的回答")];
    }
}

/// <summary>An approval button: the first press decides, the card shows "已同意 · name".</summary>
public sealed class ApproveHandler : IActionHandler
{
    public string Kind => "test-approve";

    public Task<ActionOutcome> HandleAsync(TurnContext ctx, ActionToken token, CancellationToken ct) =>
        Task.FromResult(new ActionOutcome { Outcome = $"已同意 · {ctx.User.Name}", Replies = [Reply.Of($"已同意报价 {token.Data["quote"]}。")] });
}

public sealed class SlowAndCardFixture : IAsyncLifetime
{
    public WeComTestBot W { get; private set; } = null!;
    public async Task InitializeAsync() => W = await WeComTestBot.StartAsync(b =>
    {
        b.Services.AddRoute<GateRoute>();
        b.Services.AddActionHandler<ApproveHandler>();
    });
    public async Task DisposeAsync() => await W.DisposeAsync();
}

public class SlowTurnAndCardTests(SlowAndCardFixture fixture) : IClassFixture<SlowAndCardFixture>
{
    private WeComTestBot W => fixture.W;

    [Fact]
    public async Task ASlowTurnGetsAnEmpty200AndItsAnswerThroughMessageSendOnce()
    {
        var gate = W.Get<GateRoute>();
        var xml = WeComTestBot.TextXml("zhangsan", "慢", W.NextId(), W.Now);
        var first = W.Bot.Http.SendAsync(W.Callback(xml));
        // The reply budget runs on the bot's clock: move it on when the callback waits on it, until it gives up waiting.
        var response = await W.Clock.AdvanceUntilDoneAsync(first, TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());

        // WeCom retries while the turn still runs: answered empty, and the turn does not run again.
        var retry = await W.Bot.Http.SendAsync(W.Callback(xml));
        Assert.Equal("", await retry.Content.ReadAsStringAsync());

        gate.Gate.SetResult();
        var sends = await W.Fake.WaitForAsync("message/send");
        var send = Assert.Single(sends, c => c.Body!["text"]?["content"]?.GetValue<string>() == "慢的回答");
        Assert.Equal("zhangsan", send.Body!["touser"]!.GetValue<string>());
        Assert.Equal(1, gate.Runs);

        // A late retry after the answer went by message/send is not answered a second time.
        var late = await W.Bot.Http.SendAsync(W.Callback(xml));
        Assert.Equal("", await late.Content.ReadAsStringAsync());
        await W.IdleAsync();
        Assert.Single(W.Fake.CallsTo("message/send"), c => c.Body!["text"]?["content"]?.GetValue<string>() == "慢的回答");
    }

    [Fact]
    public async Task PressingAnApprovalButtonDecidesOnceAndUpdatesTheCardWithTheOutcome()
    {
        var lisi = W.Get<Zhonghan.Core.People.UserDirectory>().ByWeCom("lisi")!;
        var issued = W.Get<ActionTokens>().Issue([("test-approve", new() { ["quote"] = "Q-0012" })], [lisi.Id]);
        string Press(string code) => WeComTestBot.EventXml("lisi", "template_card_event", W.Now + code.Length,
            $"<EventKey><![CDATA[act:{issued[0].Id}]]></EventKey><TaskId><![CDATA[zh_card1]]></TaskId>" +
            $"<CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[{code}]]></ResponseCode>");

        var text = await W.ReplyTextAsync(await W.Bot.Http.SendAsync(W.Callback(Press("rc-1"))), "lisi");
        Assert.Equal("已同意报价 Q-0012。", text);
        var update = (await W.Fake.WaitForAsync("message/update_template_card")).Single().Body!;
        Assert.Equal("rc-1", update["response_code"]!.GetValue<string>());
        Assert.Equal("lisi", update["userids"]![0]!.GetValue<string>());
        Assert.Equal(WeComTestBot.AgentId, update["agentid"]!.GetValue<int>());
        Assert.Equal("已同意 · 李四", update["button"]!["replace_name"]!.GetValue<string>());

        // A second press (a new press has a new response code) changes nothing and says why.
        var again = await W.ReplyTextAsync(await W.Bot.Http.SendAsync(W.Callback(Press("rc-22"))), "lisi");
        Assert.Contains("已经处理过了", again);
    }

    [Fact]
    public async Task SomeoneElsePressingTheButtonIsToldItIsNotTheirsAndTheCardStays()
    {
        var lisi = W.Get<Zhonghan.Core.People.UserDirectory>().ByWeCom("lisi")!;
        var issued = W.Get<ActionTokens>().Issue([("test-approve", new() { ["quote"] = "Q-0013" })], [lisi.Id]);
        var xml = WeComTestBot.EventXml("zhangsan", "template_card_event", W.Now,
            $"<EventKey><![CDATA[act:{issued[0].Id}]]></EventKey><TaskId>zh_card2</TaskId><ResponseCode>rc-other</ResponseCode>");
        var text = await W.ReplyTextAsync(await W.Bot.Http.SendAsync(W.Callback(xml)), "zhangsan");
        Assert.Contains("不归你处理", text);
        await W.IdleAsync();
        Assert.DoesNotContain(W.Fake.CallsTo("message/update_template_card"), c => c.Body!["response_code"]!.GetValue<string>() == "rc-other");
    }
}

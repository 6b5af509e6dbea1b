using System.Diagnostics;
using Zhonghan.Adapters.Teams.Mapping;
using Zhonghan.Adapters.Teams.Tests.Fakes;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.Teams.Tests;

/// <summary>Throttling and transient errors: retried with backoff on the bot's clock; sends to one chat are paced.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private TeamsBot teams = null!;

    public async Task InitializeAsync() => teams = await TeamsBot.StartAsync();
    public async Task DisposeAsync() => await teams.DisposeAsync();

    private ConversationAddress Chat(string id) => new()
    {
        Channel = Channels.Teams, UserId = "29:1teams-user-1", ConversationId = id, ServiceUrl = teams.Connector.ServiceUrl,
        TenantId = TeamsBot.TenantId, Extra = { [AddressKeys.ConversationType] = "personal" },
    };

    private Task<SendResult> SendAsync(string conversation, string text) =>
        teams.Bot.Get<Notifier>().SendAsync(Chat(conversation), [Reply.Of(text)], SendOptions.Default, CancellationToken.None);

    /// <summary>Moves the bot's clock forward each time the send waits on it (retry delays wait on that clock) until it is done.</summary>
    private Task<T> RunClockUntilAsync<T>(Task<T> task) => teams.Bot.Clock.AdvanceUntilDoneAsync(task, TimeSpan.FromMinutes(1));

    [Fact]
    public async Task ThrottledAndFailingGatewaySendsAreRetriedUntilTheyGoThrough()
    {
        teams.Connector.Answer(429, """{"error":{"code":"Throttled","message":"slow down"}}""", retryAfter: "30");
        teams.Connector.Answer(502);
        teams.Connector.Answer(412, """{"error":{"code":"PreconditionFailed","message":"busy"}}""");
        var watch = Stopwatch.StartNew();

        var result = await RunClockUntilAsync(SendAsync("a:retry-chat", "重试的消息"));

        Assert.True(result.Ok, result.Error);
        var attempts = teams.Connector.Requests.Where(r => r.RawTarget.Contains("a%3Aretry-chat")).ToList();
        Assert.Equal(4, attempts.Count);
        Assert.All(attempts, a => Assert.Equal("重试的消息", a.Text));
        // Thirty seconds of Retry-After plus backoff passed on the bot's clock, not on the wall clock.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(12), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task AGatewayTimeoutThatNeverHealsGivesUpAfterThreeRetries()
    {
        for (var i = 0; i < 4; i++) teams.Connector.Answer(504);

        var result = await RunClockUntilAsync(SendAsync("a:down-chat", "发不出去"));

        Assert.False(result.Ok);
        Assert.Contains("504", result.Error);
        Assert.Equal(4, teams.Connector.Requests.Count(r => r.RawTarget.Contains("a%3Adown-chat")));
    }

    [Fact]
    public async Task ATokenTheConnectorNoLongerAcceptsIsReplacedAndTheSendRepeatedOnce()
    {
        teams.Connector.Answer(401, """{"error":{"code":"BotNotRegistered","message":"token rejected"}}""");

        var result = await SendAsync("a:token-chat", "换个令牌再发");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(2, teams.Identity.TokenRequests.Count);
        var attempts = teams.Connector.Requests.Where(r => r.RawTarget.Contains("token-chat")).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal("换个令牌再发", attempts[1].Text);
    }

    [Fact]
    public async Task SendsToOneChatKeepToTeamsPerThreadRateLimits()
    {
        var clock = teams.Bot.Clock;
        var timers = clock.TimersCreated;
        var sends = Enumerable.Range(1, 9).Select(i => SendAsync("a:busy-chat", $"第{i}条")).ToList();
        var other = await SendAsync("a:quiet-chat", "别的聊天不用等");

        Assert.True(other.Ok);
        await teams.Connector.WaitForAsync(7, r => r.RawTarget.Contains("busy-chat"));
        // The eighth waits on the bot's clock: once it does, nothing moves it but the clock.
        await clock.TimerCreatedAfterAsync(timers);
        Assert.Equal(7, teams.Connector.Requests.Count(r => r.RawTarget.Contains("busy-chat")));

        timers = clock.TimersCreated;
        clock.Advance(TimeSpan.FromSeconds(1));
        await teams.Connector.WaitForAsync(8, r => r.RawTarget.Contains("busy-chat"));
        await clock.TimerCreatedAfterAsync(timers); // the ninth waits on the clock in its turn
        Assert.Equal(8, teams.Connector.Requests.Count(r => r.RawTarget.Contains("busy-chat")));

        teams.Bot.Clock.Advance(TimeSpan.FromSeconds(1));
        var results = await Task.WhenAll(sends);
        Assert.All(results, r => Assert.True(r.Ok));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"第{i}条").Order(),
            teams.Connector.Requests.Where(r => r.RawTarget.Contains("busy-chat")).Select(r => r.Text).Order());
    }
}

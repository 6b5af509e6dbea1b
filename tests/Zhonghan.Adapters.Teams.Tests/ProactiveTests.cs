using Zhonghan.Adapters.Teams.Mapping;
using Zhonghan.Adapters.Teams.Api;
using Zhonghan.Adapters.Teams.Messaging;
using Zhonghan.Adapters.Teams.Tests.Fakes;
using Zhonghan.Bot.Hosting;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;

namespace Zhonghan.Adapters.Teams.Tests;

/// <summary>Messages the bot starts (reminders, approvals): the 1:1 chat, idempotency, trust.</summary>
public sealed class ProactiveTests : IAsyncLifetime
{
    private TeamsBot teams = null!;

    public async Task InitializeAsync() => teams = await TeamsBot.StartAsync();
    public async Task DisposeAsync() => await teams.DisposeAsync();

    private Task<SendResult> SendAsync(ConversationAddress to, string text, string? key = null) =>
        teams.Bot.Get<Notifier>().SendAsync(to, [Reply.Of(text)], new SendOptions { IdempotencyKey = key }, CancellationToken.None);

    private static ConversationAddress Aad(int demoUser) => ConversationAddress.For(Channels.Teams, DemoData.TeamsId(demoUser));

    [Fact]
    public async Task AReminderToAUserWithNoChatYetCreatesTheOneToOneChatThenReusesIt()
    {
        var first = await SendAsync(Aad(3), "⏰ 今天要跟进：深圳市汇川技术股份有限公司");
        var second = await SendAsync(Aad(3), "⏰ 明天要跟进：浙江正泰电器股份有限公司");

        Assert.True(first.Ok, first.Error);
        Assert.True(second.Ok, second.Error);
        var create = Assert.Single(teams.Connector.Requests, r => r.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal("POST", create.Method);
        Assert.Equal($"/amer/{TeamsBot.TenantId}/v3/conversations", create.RawTarget);
        Assert.Equal($"Bearer {FakeIdentity.IssuedBotToken}", create.Authorization);
        Assert.False((bool)create.Body!["isGroup"]!);
        Assert.Equal($"28:{TeamsBot.AppId}", (string?)create.Body["bot"]!["id"]);
        Assert.Equal(DemoData.TeamsId(3), (string?)create.Body["members"]![0]!["id"]);
        Assert.Equal(TeamsBot.TenantId, (string?)create.Body["tenantId"]);
        Assert.Null(create.Body["activity"]);

        var sends = teams.Connector.Activities;
        Assert.Equal(2, sends.Count);
        Assert.All(sends, s => Assert.Equal($"/amer/{TeamsBot.TenantId}/v3/conversations/a%3Acreated-1/activities", s.RawTarget));
        Assert.Equal("⏰ 今天要跟进：深圳市汇川技术股份有限公司", sends[0].Text);
        Assert.Null(sends[0].Body!["replyToId"]);
    }

    [Fact]
    public async Task AQueuedReminderForATeamsOnlyUserCreatesTheirChatAndIsMarkedSent()
    {
        var users = teams.Bot.Get<UserDirectory>();
        var wangwu = users.ByLocalName("wangwu")!;
        wangwu.WeComUserId = null; // reachable on Teams only, whatever other channels the bot has
        users.Save(new Core.Security.Actor { User = users.ByLocalName("admin")!, Channel = "test" }, wangwu);
        var queue = teams.Bot.Get<Core.Reminders.DeliveryQueue>();
        // Recorded outside a turn, it commits at once and the queue's sender wakes for it.
        queue.Enqueue("test-reminder-1", wangwu.Id, "followup", [Reply.Of("⏰ 今天要跟进：深圳市汇川技术股份有限公司")]);
        await queue.IdleAsync();

        Assert.Single(teams.Connector.Requests, r => r.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal("⏰ 今天要跟进：深圳市汇川技术股份有限公司", teams.Connector.Activities.Single().Text);
        Assert.Equal(Core.Reminders.DeliveryStatus.Sent, queue.Get("test-reminder-1")!.Status);
    }

    [Fact]
    public async Task AfterTheUserWroteTheBotANotificationGoesToTheirChatWithoutCreatingOne()
    {
        await teams.SayAsync("帮助", demoUser: 1);
        var zhangsan = teams.Bot.Get<UserDirectory>().ByLocalName("zhangsan")!;

        var result = await teams.Bot.Get<Notifier>().NotifyAsync(zhangsan, Reply.Of("⏰ 今天要跟进：汇川"), CancellationToken.None);

        Assert.True(result.Ok, result.Error);
        Assert.DoesNotContain(teams.Connector.Requests, r => r.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal($"/amer/{TeamsBot.TenantId}/v3/conversations/{Uri.EscapeDataString(TeamsBot.PersonalConversation(1))}/activities",
            teams.Connector.Activities.Last().RawTarget);
    }

    [Fact]
    public async Task AnAddressFromAChannelIsRedirectedToThePersonalChat()
    {
        var channel = new ConversationAddress
        {
            Channel = Channels.Teams, UserId = "29:1teams-user-4", ConversationId = "19:sales@thread.tacv2;messageid=1759881511856",
            ServiceUrl = teams.Connector.ServiceUrl, TenantId = TeamsBot.TenantId,
            Extra = { [AddressKeys.ConversationType] = "channel", [AddressKeys.AadObjectId] = DemoData.TeamsId(4) },
        };

        var result = await SendAsync(channel, "你有一条报价待审批");

        Assert.True(result.Ok, result.Error);
        var create = Assert.Single(teams.Connector.Requests, r => r.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal("29:1teams-user-4", (string?)create.Body!["members"]![0]!["id"]);
        Assert.DoesNotContain(teams.Connector.Requests, r => r.RawTarget.Contains("19%3Asales"));
    }

    [Fact]
    public async Task ARepeatedSendWithTheSameIdempotencyKeyIsANoOp()
    {
        var first = await SendAsync(Aad(5), "今日简报", key: "digest:2026-11-30:sunqi");
        var again = await SendAsync(Aad(5), "今日简报", key: "digest:2026-11-30:sunqi");

        Assert.True(again.Ok);
        Assert.Equal(first.MessageRef, again.MessageRef);
        Assert.Single(teams.Connector.Activities);
    }

    [Fact]
    public async Task NoBotTokenIsSentToAServiceUrlThatNeitherAuthenticatedNorIsAllowListed()
    {
        await using var collector = await FakeConnector.StartAsync("evil");
        var forged = new ConversationAddress
        {
            Channel = Channels.Teams, UserId = "29:1teams-user-1", ConversationId = "a:forged", ServiceUrl = collector.ServiceUrl,
            TenantId = TeamsBot.TenantId, Extra = { [AddressKeys.ConversationType] = "personal" },
        };

        var result = await SendAsync(forged, "机密");

        Assert.False(result.Ok);
        Assert.Contains("not trusted", result.Error);
        Assert.Empty(collector.Requests);
        Assert.Empty(teams.Identity.TokenRequests);
    }

    [Fact]
    public async Task AChatThatIsGoneIsCreatedAgainOnce()
    {
        await SendAsync(Aad(2), "第一条");
        teams.Connector.Answer(404, """{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}""");

        var result = await SendAsync(Aad(2), "第二条");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(2, teams.Connector.Requests.Count(r => r.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal)));
        Assert.Equal("第二条", teams.Connector.Activities.Last().Text);
        Assert.EndsWith("a%3Acreated-3/activities", teams.Connector.Activities.Last().RawTarget);
    }

    [Fact]
    public async Task AKeyedSendThatFailedHalfwayDoesNotRepeatWhatWasDeliveredWhenRetried()
    {
        await SendAsync(Aad(2), "先建好聊天");
        teams.Connector.Answer(201, """{"id":"1899"}""");
        teams.Connector.Answer(403, """{"error":{"code":"BotDisabledByAdmin","message":"disabled"}}""");
        var replies = new[] { Reply.Of("第一部分"), Reply.Of("第二部分") };
        var notifier = teams.Bot.Get<Notifier>();

        var failed = await notifier.SendAsync(Aad(2), replies, new SendOptions { IdempotencyKey = "reminder-42" }, CancellationToken.None);
        var retried = await notifier.SendAsync(Aad(2), replies, new SendOptions { IdempotencyKey = "reminder-42" }, CancellationToken.None);

        Assert.False(failed.Ok);
        Assert.True(retried.Ok, retried.Error);
        Assert.Equal(["先建好聊天", "第一部分", "第二部分", "第二部分"], teams.Connector.Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task AUserWhoBlockedTheBotIsReportedWithoutRetrying()
    {
        await SendAsync(Aad(2), "第一条");
        teams.Connector.Answer(403, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""");
        var before = teams.Connector.Requests.Count;

        var result = await SendAsync(Aad(2), "第二条");

        Assert.False(result.Ok);
        Assert.Contains("ConversationBlockedByUser", result.Error);
        Assert.Equal(before + 1, teams.Connector.Requests.Count);
    }

    [Fact]
    public async Task AUserInAnUnknownTenantCannotBeReachedAndSaysWhy()
    {
        await using var noTenant = await TeamsBot.StartAsync(["Teams:TenantId="]);

        var result = await noTenant.Bot.Get<Notifier>().SendAsync(Aad(1), [Reply.Of("hi")], SendOptions.Default, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Contains("tenant unknown", result.Error);
        Assert.Empty(noTenant.Connector.Requests);
    }

    [Fact]
    public async Task TheStoredChatSurvivesARestart()
    {
        await SendAsync(Aad(6), "第一条");
        var store = teams.Bot.Get<TeamsStore>();

        var chat = store.Personal(DemoData.TeamsId(6).ToUpperInvariant());

        Assert.NotNull(chat);
        Assert.Equal("a:created-1", chat.ConversationId);
        Assert.Equal(teams.Connector.ServiceUrl, chat.ServiceUrl);
    }
}

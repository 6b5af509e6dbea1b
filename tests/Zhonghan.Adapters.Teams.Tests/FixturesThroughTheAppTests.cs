using Zhonghan.Testing;
using System.Net;
using System.Text.Json.Nodes;
using Zhonghan.Adapters.Teams.Tests.Fakes;
using Zhonghan.Core.People;

namespace Zhonghan.Adapters.Teams.Tests;

/// <summary>The recorded Teams payloads posted to /api/messages of the whole bot; the fake Connector shows the answers.</summary>
public sealed class FixturesThroughTheAppTests(TeamsBotFixture fixture) : IClassFixture<TeamsBotFixture>
{
    private TeamsBot Teams => fixture.Teams;
    private string Base => $"/amer/{TeamsBot.TenantId}/v3/conversations/";

    private async Task<ConnectorRequest> PostAndGetReplyAsync(JsonObject activity, string expectedTarget, int replies = 1)
    {
        var response = await Teams.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await Teams.Connector.WaitForAsync(replies, r => r.RawTarget == Base + expectedTarget);
        Assert.Equal(replies, sent.Count);
        return sent[0];
    }

    /// <summary>An admin binds a Teams object id through Teams itself (admin = demo user 6).</summary>
    private async Task BindAsync(string user, string aadObjectId)
    {
        var replies = await Teams.SayAsync($"绑定Teams {user} {aadObjectId}", demoUser: 6);
        Assert.Contains("✅ 已绑定", Assert.Single(replies));
    }

    [Fact]
    public async Task PersonalMessageFromAnUnboundUserGetsTheirIdBackInAReplyShapedLikeTeamsOwn()
    {
        var reply = await PostAndGetReplyAsync(Teams.FromFixture("message-personal.json"),
            "a%3A14qv34G6WBRz7_5tPu2QNURrH0jKG1PK8Nqmu5PIoq_Yjgyyiyb4FsdxNyQjgc-d2o7gui_ZbmvSG0tupyyKL8Pc4tXqyq5RP_81ZegRjqij8TAv0ZYwldSrsEokunLZD/activities/1775669240283");

        Assert.Equal("POST", reply.Method);
        Assert.Equal($"Bearer {FakeIdentity.IssuedBotToken}", reply.Authorization);
        Assert.Contains("还没有开通", reply.Text);
        Assert.Contains("“绑定Teams”", reply.Text);
        Assert.Contains("a97f2770-b9c7-4371-85d7-49b0fddfbebc", reply.Text);
        // The same addressing fields the captured reply of a real bot carries.
        var captured = Fixture.Json("outbound-reply-personal.request.json");
        foreach (var key in new[] { "type", "channelId", "replyToId" }) Assert.Equal((string?)captured[key], (string?)reply.Body![key]);
        Assert.Equal((string?)captured["from"]!["id"], (string?)reply.Body!["from"]!["id"]);
        Assert.Equal((string?)captured["recipient"]!["id"], (string?)reply.Body["recipient"]!["id"]);
        Assert.Equal((string?)captured["conversation"]!["id"], (string?)reply.Body["conversation"]!["id"]);
        Assert.Null(reply.Body["id"]);
    }

    [Fact]
    public async Task ChannelThreadMentionRunsTheCommandAndTheReplyStaysInTheThread()
    {
        await BindAsync("zhangsan", "b15a9416-0ad3-4172-9210-7beb711d3f70");
        var activity = Teams.FromFixture("message-channel-thread-mention.json");
        activity["text"] = "<at>ridotest</at> 帮助";

        var reply = await PostAndGetReplyAsync(activity,
            "19%3A6848757105754c8981c67612732d9aa7%40thread.tacv2%3Bmessageid%3D1759881511856/activities/1759944781430");

        Assert.Contains("众韩助手命令", reply.Text);
        Assert.Equal("channel", (string?)reply.Body!["conversation"]!["conversationType"]);
    }

    [Fact]
    public async Task GroupChatMentionFromAStrangerIsAnsweredInTheGroup()
    {
        var reply = await PostAndGetReplyAsync(Teams.FromFixture("message-groupchat-mention.json"),
            "19%3AgroupChatId%40thread.v2/activities/groupChatActivityId");

        Assert.Contains("User-aadObjectId", reply.Text);
        Assert.Null(reply.Body!["recipient"]);
    }

    [Fact]
    public async Task RichTextMessageIsAnsweredToItsSender()
    {
        await BindAsync("sunqi", "7faf8ab2-3d56-4244-b585-20c8a42ed2b8");

        var reply = await PostAndGetReplyAsync(Teams.FromFixture("message-personal-richtext.json"),
            "a%3A17I0kl9EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-/activities/1485983408511");

        Assert.Contains("没看懂", reply.Text);
    }

    [Fact]
    public async Task MessageBackFromAnotherCardIsAnsweredAsText()
    {
        var reply = await PostAndGetReplyAsync(Teams.FromFixture("message-card-messageback-submit.channel.json"),
            "19%3Amalejcou081i20ojmlcau0%40thread.skype%3Bmessageid%3D1498171086622/activities/f%3A5261769396935243054");

        Assert.Contains("29:102jd210jd010icsoaeclaejcoa9ue09u", reply.Text);
    }

    [Fact]
    public async Task BotAddedToATeamWelcomesTheInstallerInTheChannel()
    {
        await BindAsync("lisi", "eddfa9d4-346e-4cce-a18f-fa6261ad776b");

        var reply = await PostAndGetReplyAsync(Teams.FromFixture("conversationupdate-bot-added-to-team.json"),
            "19%3A0b7f32667e064dd9b25d7969801541f4%40thread.tacv2/activities/f%3A0b9079f4-d4d3-3d8e-b883-798298053c7e", replies: 2);

        Assert.Contains("李四，你好！我是众韩助手", reply.Text);
        var users = Teams.Bot.Get<UserDirectory>();
        Assert.Equal("lisi", users.ByTeams("EDDFA9D4-346E-4CCE-A18F-FA6261AD776B")!.LocalName);
    }

    [Fact]
    public async Task MemberRemovedIsAcknowledgedAndNothingIsSent()
    {
        var activity = Teams.FromFixture("conversationupdate-team-member-removed.json");

        var response = await Teams.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await Teams.Bot.IdleAsync();
        Assert.DoesNotContain(Teams.Connector.Requests, r => r.RawTarget.Contains("efa9296d959346209fea44151c742e73"));
    }

    [Fact]
    public async Task ExecutePressOnSomeoneElsesCardIsAnsweredWithTheDocumentedErrorShape()
    {
        var response = await Teams.PostAsync(Teams.FromFixture("invoke-adaptivecard-action-execute.personal.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)json["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.error", (string?)json["type"]);
        Assert.Equal("BadRequest", (string?)json["value"]!["code"]);
        Assert.False(string.IsNullOrEmpty((string?)json["value"]!["message"]));
        Assert.DoesNotContain(Teams.Connector.Requests, r => r.RawTarget.Contains("17vxw6pGQOb3Zfh8acXT8m"));
    }

    [Fact]
    public async Task OtherInvokesAreNotImplemented()
    {
        var activity = Teams.FromFixture("invoke-adaptivecard-action-execute.personal.json");
        activity["name"] = "composeExtension/query";

        var response = await Teams.PostAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task ARedeliveredActivityHasOneEffect()
    {
        var activity = Teams.Message("新建线索 宁波重发测试电子有限公司 周工");

        Assert.Equal(HttpStatusCode.OK, (await Teams.PostAsync(activity)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Teams.PostAsync(activity)).StatusCode);
        await Teams.Bot.IdleAsync();

        var replies = Teams.Connector.Activities.Where(r => r.RawTarget.EndsWith("/" + (string)activity["id"]!, StringComparison.Ordinal)).ToList();
        Assert.Single(replies);
        Assert.Contains("已新建线索", replies[0].Text);
        var leads = Teams.Bot.Get<Zhonghan.Storage.DocumentStore>().AllCustomers().Where(c => c.Company == "宁波重发测试电子有限公司").ToList();
        Assert.Single(leads);
    }
}

/// <summary>The personal-install fixture has its bot id redacted; a bot whose App ID is the one in membersAdded knows it was added.</summary>
public sealed class PersonalInstallFixtureTests
{
    [Fact]
    public async Task BotAddedToAPersonalChatAnswersTheNewUser()
    {
        await using var teams = await TeamsBot.StartAsync(appId: "f5d48856-5b42-41a0-8c3a-c5f944b679b0");

        var response = await teams.PostAsync(teams.FromFixture("conversationupdate-bot-added-personal.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await teams.Connector.WaitForAsync(1)).Single();
        Assert.EndsWith("/v3/conversations/%2A%2A%2A/activities/f%3A5f85c2ad", reply.RawTarget);
        Assert.Contains("还没有开通", reply.Text);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zhonghan.Adapters.Teams.Tests.Fakes;
using Zhonghan.Bot.Hosting;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;

namespace Zhonghan.Adapters.Teams.Tests;

/// <summary>A stand-in approval (quotes are not built yet): approving marks the card "已同意 · name" and replaces it.</summary>
public sealed class TestApproval : IActionHandler
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> calls = new();
    public string Kind => "test-approve";

    /// <summary>How often the approval of one card (its token group) really ran.</summary>
    public int Calls(string group) => calls.GetValueOrDefault(group);

    public Task<ActionOutcome> HandleAsync(TurnContext ctx, ActionToken token, CancellationToken ct)
    {
        calls.AddOrUpdate(token.Group, 1, (_, n) => n + 1);
        var outcome = $"已同意 · {ctx.User.Name}";
        var card = new Card { Title = "报价审批 Q-2026-001", Fields = [new("客户", "深圳市汇川技术股份有限公司")], Outcome = outcome };
        return Task.FromResult(new ActionOutcome { Outcome = outcome, Replies = [new Reply { Text = outcome, Card = card, UpdatesCard = true }] });
    }
}

/// <summary>Card buttons pressed in Teams: Action.Execute answered in place, Action.Submit by replacing the card.</summary>
public sealed class CardActionTests(CardActionTests.BotWithApprovals fixture) : IClassFixture<CardActionTests.BotWithApprovals>
{
    public sealed class BotWithApprovals : IAsyncLifetime
    {
        public TestApproval Approval { get; } = new();
        public TeamsBot Teams { get; private set; } = null!;
        public async Task InitializeAsync() => Teams = await TeamsBot.StartAsync(configure: b => b.Services.AddSingleton<IActionHandler>(Approval));
        public async Task DisposeAsync() => await Teams.DisposeAsync();
    }

    private TeamsBot teams => fixture.Teams;
    private TestApproval approval => fixture.Approval;

    /// <summary>Sends lisi (demo user 2, a manager) an approval card proactively; returns the card as Teams received it.</summary>
    private async Task<(ConnectorRequest Sent, string ConversationId, string MessageId, string Group)> SendApprovalToLisiAsync()
    {
        var lisi = teams.Bot.Get<UserDirectory>().ByLocalName("lisi")!;
        var tokens = teams.Bot.Get<ActionTokens>().Issue([("test-approve", new()), ("test-approve", new())], [lisi.Id]);
        var card = new Card
        {
            Title = "报价审批 Q-2026-001", Fields = [new("客户", "深圳市汇川技术股份有限公司")],
            Actions = [CardAction.Token("同意", tokens[0].Id, CardActionStyle.Primary), CardAction.Token("驳回", tokens[1].Id, CardActionStyle.Danger)],
        };
        var notifier = teams.Bot.Get<Notifier>();
        var result = await notifier.SendAsync(ConversationAddress.For(Channels.Teams, DemoData.TeamsId(2)), [Reply.WithCard("请审批报价", card)],
            SendOptions.Default, CancellationToken.None);
        Assert.True(result.Ok, result.Error);
        var sent = teams.Connector.Activities.Last(r => r.Text == "请审批报价");
        var conversation = (string)sent.Body!["conversation"]!["id"]!;
        return (sent, conversation, result.MessageRef!, tokens[0].Group);
    }

    private JsonObject Press(JsonNode data, string conversationId, string cardId, int demoUser = 2, string? id = null) => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = id ?? $"f:{Guid.NewGuid()}",
        ["channelId"] = "msteams",
        ["serviceUrl"] = teams.Connector.ServiceUrl,
        ["from"] = TeamsBot.User(demoUser),
        ["recipient"] = new JsonObject { ["id"] = $"28:{teams.BotAppId}" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = TeamsBot.TenantId },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)data["cardAction"], ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        },
        ["replyToId"] = cardId,
    };

    private static async Task<JsonNode> InvokeAnswerAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task ExecuteApprovalReplacesTheCardWithTheOutcomeAndARedeliveredPressChangesNothing()
    {
        var (sent, conversation, cardId, group) = await SendApprovalToLisiAsync();
        var approve = sent.Card!["actions"]![0]!;
        Assert.Equal("Action.Execute", (string?)approve["type"]);
        var press = Press(approve["data"]!, conversation, cardId);

        var answer = await InvokeAnswerAsync(await teams.PostAsync(press));

        Assert.Equal(200, (int)answer["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        Assert.Contains("已同意 · 李四", answer["value"]!.ToJsonString(Model.TeamsJson.Options));
        Assert.Equal("1.5", (string?)answer["value"]!["version"]);
        Assert.Equal(1, approval.Calls(group));

        var again = await InvokeAnswerAsync(await teams.PostAsync(press));
        Assert.True(JsonNode.DeepEquals(answer, again));
        Assert.Equal(1, approval.Calls(group));
        await teams.Bot.IdleAsync();
        Assert.DoesNotContain(teams.Connector.Requests, r => r.RawTarget.EndsWith("/activities/" + Uri.EscapeDataString((string)press["id"]!)));
    }

    [Fact]
    public async Task PressingTheOtherButtonAfterTheDecisionSaysItWasHandledOnTheCard()
    {
        var (sent, conversation, cardId, group) = await SendApprovalToLisiAsync();
        await teams.PostAsync(Press(sent.Card!["actions"]![0]!["data"]!, conversation, cardId));

        var answer = await InvokeAnswerAsync(await teams.PostAsync(Press(sent.Card["actions"]![1]!["data"]!, conversation, cardId)));

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        Assert.Contains("已经处理过了：已同意 · 李四", (string?)answer["value"]);
        Assert.Equal(1, approval.Calls(group));
    }

    [Fact]
    public async Task SomeoneElsePressingTheApprovalIsRefusedAndNothingHappens()
    {
        var (sent, conversation, cardId, group) = await SendApprovalToLisiAsync();

        var answer = await InvokeAnswerAsync(await teams.PostAsync(Press(sent.Card!["actions"]![0]!["data"]!, conversation, cardId, demoUser: 1)));

        Assert.Contains("不归你处理", (string?)answer["value"]);
        Assert.Equal(0, approval.Calls(group));
    }

    [Fact]
    public async Task SubmitFallbackReplacesTheCardMessageInPlace()
    {
        var (sent, conversation, cardId, group) = await SendApprovalToLisiAsync();
        var submit = teams.Message("", demoUser: 2);
        submit.Remove("text");
        submit["conversation"]!["id"] = conversation;
        submit["value"] = sent.Card!["actions"]![0]!["fallback"]!["data"]!.DeepClone();
        submit["replyToId"] = cardId;

        Assert.Equal(HttpStatusCode.OK, (await teams.PostAsync(submit)).StatusCode);

        var put = (await teams.Connector.WaitForAsync(1, r => r.Method == "PUT" && r.RawTarget.EndsWith("/" + cardId))).Single();
        Assert.EndsWith($"/v3/conversations/{Uri.EscapeDataString(conversation)}/activities/{cardId}", put.RawTarget);
        Assert.Equal(cardId, (string?)put.Body!["id"]);
        Assert.Contains("已同意 · 李四", put.Card!.ToJsonString(Model.TeamsJson.Options));
        Assert.Equal(1, approval.Calls(group));
    }

    [Fact]
    public async Task CommandButtonRunsTheCommandAndPostsItsAnswerToTheChat()
    {
        var lead = await teams.SayAsync("新建线索 嘉兴斯达半导体股份有限公司 刘工");
        var card = teams.Connector.Activities.Last().Card!;
        var open = card["actions"]!.AsArray().Single(a => (string?)a!["title"] == "查看客户")!;
        var press = Press(open["data"]!, TeamsBot.PersonalConversation(1), "1700000000099", demoUser: 1);

        var answer = await InvokeAnswerAsync(await teams.PostAsync(press));

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        var posted = (await teams.Connector.WaitForAsync(1, r => r.RawTarget.EndsWith("/activities/" + Uri.EscapeDataString((string)press["id"]!)))).Single();
        Assert.Equal("嘉兴斯达半导体股份有限公司", (string?)posted.Card!["body"]![0]!["text"]);
        Assert.Contains("已新建线索", Assert.Single(lead));
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Zhonghan.Adapters.Teams.Mapping;
using Zhonghan.Adapters.Teams.Model;
using Zhonghan.Adapters.Teams.Tests.Fakes;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.Teams.Tests;

/// <summary>The recorded Teams payloads through the pure mapper.</summary>
public sealed class ActivityMapperTests
{
    private static TeamsInbound Map(string fixture, string? appId = null) => ActivityMapper.Map(Fixture.Activity(fixture), appId);

    private static Activity Parse(JsonObject json) => JsonSerializer.Deserialize<Activity>(json.ToJsonString(), TeamsJson.Options)!;

    [Fact]
    public void PersonalMessageBecomesATurnFromTheSendersAadObjectIdWithItsFullAddress()
    {
        var inbound = Map("message-personal.json");

        Assert.Equal(InboundKind.Turn, inbound.Kind);
        var turn = inbound.Turn!;
        Assert.Equal(Channels.Teams, turn.Channel);
        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal("test oauth card", turn.Text);
        Assert.Equal("a97f2770-b9c7-4371-85d7-49b0fddfbebc", turn.SenderId);
        Assert.Equal("kavinsingh", turn.SenderName);
        Assert.Equal("1775669240283|a:14qv34G6WBRz7_5tPu2QNURrH0jKG1PK8Nqmu5PIoq_Yjgyyiyb4FsdxNyQjgc-d2o7gui_ZbmvSG0tupyyKL8Pc4tXqyq5RP_81ZegRjqij8TAv0ZYwldSrsEokunLZD", turn.MessageId);
        var address = turn.Address;
        Assert.Equal("29:1MZX3EUlmSv_K_mgfehI7Xzhh4RXNf1hKlRAc7UEp_JhQOVOTXjNhky8-Xqly0SmFoVZ4Zar90hGk1wOMbxjrWA", address.UserId);
        Assert.Equal("https://smba.trafficmanager.net/amer/3f3d1cea-7a18-41af-872b-cfbbd5140984/", address.ServiceUrl);
        Assert.Equal("3f3d1cea-7a18-41af-872b-cfbbd5140984", address.TenantId);
        Assert.Equal("28:0e95584e-c47b-4243-9073-7c9bf890e04e", address.BotId);
        Assert.Equal("personal", address.Extra[AddressKeys.ConversationType]);
        Assert.Equal("a97f2770-b9c7-4371-85d7-49b0fddfbebc", address.Extra[AddressKeys.AadObjectId]);
    }

    [Fact]
    public void ChannelThreadMentionOfTheBotIsStrippedAndTheThreadKept()
    {
        var turn = Map("message-channel-thread-mention.json").Turn!;

        Assert.Equal("reply to thread", turn.Text);
        Assert.Equal("19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856", turn.Address.ConversationId);
        Assert.Equal("channel", turn.Address.Extra[AddressKeys.ConversationType]);
        Assert.Equal("b15a9416-0ad3-4172-9210-7beb711d3f70", turn.SenderId);
    }

    [Fact]
    public void GroupChatMentionIsStrippedAndTheTrailingNewlineTrimmed()
    {
        var turn = Map("message-groupchat-mention.json").Turn!;

        Assert.Equal("test", turn.Text);
        Assert.Equal("groupChat", turn.Address.Extra[AddressKeys.ConversationType]);
        Assert.Equal("tenantId-Guid", turn.Address.TenantId);
    }

    [Fact]
    public void RichTextMessageUsesThePlainTextAndTakesTheTenantFromChannelData()
    {
        var turn = Map("message-personal-richtext.json").Turn!;

        Assert.Equal("Hello Teams TestBot.Sending bold-italic rich text", turn.Text);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", turn.Address.TenantId);
        Assert.Equal("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", turn.SenderId);
    }

    [Fact]
    public void MessageBackFromSomeoneElsesCardIsReadAsItsTextFromTheTeamsUserId()
    {
        var turn = Map("message-card-messageback-submit.channel.json").Turn!;

        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal("User just clicked the MessageBack button", turn.Text);
        Assert.Equal("29:102jd210jd010icsoaeclaejcoa9ue09u", turn.SenderId);
        Assert.Equal("channel", turn.Address.Extra[AddressKeys.ConversationType]);
        Assert.Equal("bec8e231-67ad-484e-87f4-3e5438390a77", turn.Address.TenantId);
    }

    [Fact]
    public void BotAddedToATeamIsAWelcomeFromTheInstaller()
    {
        var turn = Map("conversationupdate-bot-added-to-team.json").Turn!;

        Assert.Equal(TurnKind.Welcome, turn.Kind);
        Assert.Equal("eddfa9d4-346e-4cce-a18f-fa6261ad776b", turn.SenderId);
        Assert.Equal("f:0b9079f4-d4d3-3d8e-b883-798298053c7e|19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2", turn.MessageId);
    }

    [Fact]
    public void BotAddedToAPersonalChatIsRecognisedByOurAppIdWhenTheRecipientIsRedacted()
    {
        Assert.Equal(InboundKind.Ignored, Map("conversationupdate-bot-added-personal.json").Kind);

        var turn = Map("conversationupdate-bot-added-personal.json", appId: "f5d48856-5b42-41a0-8c3a-c5f944b679b0").Turn!;
        Assert.Equal(TurnKind.Welcome, turn.Kind);
        Assert.Equal("<TENANT ID>", turn.Address.TenantId);
    }

    [Fact]
    public void MemberRemovedIsIgnored() =>
        Assert.Equal(InboundKind.Ignored, Map("conversationupdate-team-member-removed.json").Kind);

    [Fact]
    public void ExecuteInvokeCarryingSomeoneElsesDataIsNotOurs() =>
        Assert.Equal(InboundKind.ForeignCardInvoke, Map("invoke-adaptivecard-action-execute.personal.json").Kind);

    [Fact]
    public void ExecuteInvokeCarryingOurButtonBecomesACardActionOnThePressedCard()
    {
        var json = Fixture.Json("invoke-adaptivecard-action-execute.personal.json");
        json["value"]!["action"]!["data"] = CardActionData.Write(CardAction.Token("同意", "tok123"));

        var inbound = ActivityMapper.Map(Parse(json));

        Assert.Equal(InboundKind.CardInvoke, inbound.Kind);
        var action = inbound.Turn!.Action!;
        Assert.Equal(TurnKind.CardAction, inbound.Turn.Kind);
        Assert.Equal("act", action.ActionId);
        Assert.Equal("tok123", action.Payload["token"]);
        Assert.Equal("1767765488332", action.CardRef);
        Assert.Equal("c5e99701-2a32-49c1-a660-4629ceeb8c61", inbound.Turn.SenderId);
    }

    [Fact]
    public void SubmitMessageCarryingOurButtonBecomesACardAction()
    {
        var json = Fixture.Json("message-personal.json");
        json.Remove("text");
        json["value"] = CardActionData.Write(CardAction.Command("查看客户", "客户 #12"));
        json["value"]!["someInput"] = "typed into the card";
        json["replyToId"] = "1775669000000";

        var turn = ActivityMapper.Map(Parse(json)).Turn!;

        Assert.Equal(TurnKind.CardAction, turn.Kind);
        Assert.Equal("cmd", turn.Action!.ActionId);
        Assert.Equal("客户 #12", turn.Action.Payload["text"]);
        Assert.Equal("1775669000000", turn.Action.CardRef);
    }

    [Theory]
    [InlineData("invoke", "signin/verifyState", InboundKind.OtherInvoke)]
    [InlineData("messageReaction", null, InboundKind.Ignored)]
    [InlineData("typing", null, InboundKind.Ignored)]
    [InlineData("installationUpdate", null, InboundKind.Ignored)]
    public void OtherActivityTypesAreNotTurns(string type, string? name, InboundKind expected)
    {
        var json = Fixture.Json("message-personal.json");
        json["type"] = type;
        json["name"] = name;
        Assert.Equal(expected, ActivityMapper.Map(Parse(json)).Kind);
    }

    [Fact]
    public void ActivitiesFromOtherChannelsAreIgnored()
    {
        var json = Fixture.Json("message-personal.json");
        json["channelId"] = "webchat";
        Assert.Equal(InboundKind.Ignored, ActivityMapper.Map(Parse(json)).Kind);
    }

    [Fact]
    public void AnImageWithoutTextIsAnUnsupportedTurn()
    {
        var json = Fixture.Json("message-personal.json");
        json["text"] = "";
        json["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "https://example.invalid/a.png" });

        var turn = ActivityMapper.Map(Parse(json)).Turn!;

        Assert.Equal(TurnKind.Unsupported, turn.Kind);
        Assert.Equal("image", turn.UnsupportedType);
    }

    [Theory]
    [InlineData("<at>Zhonghan</at> 新建线索 汇川", "新建线索 汇川")]
    [InlineData("<AT>zhonghan</AT>   帮助\n", "帮助")]
    [InlineData("<at>Zhonghan</at> 转给 <at>李四</at>", "转给 李四")]
    [InlineData("没有提到机器人", "没有提到机器人")]
    public void OnlyTheBotsOwnMentionIsRemovedOthersAreUnwrapped(string text, string expected)
    {
        var activity = new Activity
        {
            Text = text, Recipient = new ChannelAccount { Id = "28:bot" },
            Entities =
            [
                new Entity { Type = "mention", Text = "<at>Zhonghan</at>", Mentioned = new ChannelAccount { Id = "28:bot", Name = "Zhonghan" } },
                new Entity { Type = "mention", Text = "<at>李四</at>", Mentioned = new ChannelAccount { Id = "29:lisi", Name = "李四" } },
            ],
        };
        Assert.Equal(expected, Mentions.Clean(activity));
    }

    [Fact]
    public void UnknownFieldsSurviveARoundTrip()
    {
        var activity = Fixture.Activity("message-channel-thread-mention.json");

        var json = JsonNode.Parse(JsonSerializer.Serialize(activity, TeamsJson.Options))!;

        Assert.Equal("2025-10-08T10:33:01.4953744-07:00", (string?)json["localTimestamp"]);
        Assert.Equal("Web", (string?)json["entities"]![1]!["platform"]);
        Assert.Equal("19:6848757105754c8981c67612732d9aa7@thread.tacv2", (string?)json["channelData"]!["teamsChannelId"]);
        Assert.Null(json["tenantId"]);
    }
}

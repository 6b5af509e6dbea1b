using System.Text.Json;
using System.Text.Json.Nodes;
using Zhonghan.Adapters.Teams.Mapping;
using Zhonghan.Adapters.Teams.Model;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.Teams.Tests;

/// <summary>The core card as Adaptive Card JSON, reply activities, and the invoke answers.</summary>
public sealed class CardRenderingTests
{
    private static Card Sample() => new()
    {
        Title = "深圳市汇川技术股份有限公司", Subtitle = "#1 · 客户 · 重要程度 A",
        Fields = [new("负责人", "张三"), new("下次跟进", "12-01（周二）")],
        Lines = ["联系人：", "  王工 · 硬件研发"],
        Actions = [CardAction.Command("明天再跟进", "下次跟进 #1 明天"), CardAction.Token("退回公海", "tok-9", CardActionStyle.Danger)],
    };

    [Fact]
    public void CardBecomesAnAdaptiveCard15WithFactsLinesAndExecuteButtons()
    {
        var json = AdaptiveCardRenderer.Render(Sample());

        Assert.Equal("AdaptiveCard", (string?)json["type"]);
        Assert.Equal("1.5", (string?)json["version"]);
        var body = json["body"]!.AsArray();
        Assert.Equal("深圳市汇川技术股份有限公司", (string?)body[0]!["text"]);
        Assert.Equal("Bolder", (string?)body[0]!["weight"]);
        Assert.Equal("#1 · 客户 · 重要程度 A", (string?)body[1]!["text"]);
        Assert.Equal("FactSet", (string?)body[2]!["type"]);
        Assert.Equal("负责人", (string?)body[2]!["facts"]![0]!["title"]);
        Assert.Equal("张三", (string?)body[2]!["facts"]![0]!["value"]);
        Assert.Equal("  王工 · 硬件研发", (string?)body[4]!["text"]);

        var actions = json["actions"]!.AsArray();
        Assert.Equal(2, actions.Count);
        var first = actions[0]!;
        Assert.Equal("Action.Execute", (string?)first["type"]);
        Assert.Equal("明天再跟进", (string?)first["title"]);
        Assert.Equal("cmd", (string?)first["verb"]);
        Assert.Equal("cmd", (string?)first["data"]!["cardAction"]);
        Assert.Equal("下次跟进 #1 明天", (string?)first["data"]!["payload"]!["text"]);
        Assert.Equal("Action.Submit", (string?)first["fallback"]!["type"]);
        Assert.True(JsonNode.DeepEquals(first["data"], first["fallback"]!["data"]));
        Assert.Equal("destructive", (string?)actions[1]!["style"]);
        Assert.Equal("tok-9", (string?)actions[1]!["data"]!["payload"]!["token"]);
        Assert.Null(first["isEnabled"]);
    }

    [Fact]
    public void DecidedCardShowsTheOutcomeAndDisablesItsButtons()
    {
        var card = Sample();
        card.Outcome = "已同意 · 李四";

        var json = AdaptiveCardRenderer.Render(card);

        Assert.Equal("已同意 · 李四", (string?)json["body"]!.AsArray()[^1]!["text"]);
        Assert.All(json["actions"]!.AsArray(), a =>
        {
            Assert.False((bool)a!["isEnabled"]!);
            Assert.False((bool)a["fallback"]!["isEnabled"]!);
        });
    }

    [Fact]
    public void MoreThanSixButtonsGoIntoActionSetsInTheBody()
    {
        var card = new Card { Title = "“正泰”对应多个客户，请选择：" };
        for (var i = 1; i <= 8; i++) card.Actions.Add(CardAction.Command($"{i}. 公司{i}", i.ToString()));

        var json = AdaptiveCardRenderer.Render(card);

        Assert.Null(json["actions"]);
        var sets = json["body"]!.AsArray().Where(n => (string?)n!["type"] == "ActionSet").ToList();
        Assert.Equal([5, 3], sets.Select(s => s!["actions"]!.AsArray().Count));
    }

    [Fact]
    public void ReplyTextIsEscapedHtmlWithExplicitLineBreaks()
    {
        var activity = OutboundActivities.FromReply(Reply.Of("用法：新建线索 <公司> [联系人]\n例：新建线索 汇川 & Co"))!;

        Assert.Equal("xml", activity.TextFormat);
        Assert.Equal("用法：新建线索 &lt;公司&gt; [联系人]<br>例：新建线索 汇川 &amp; Co", activity.Text);
        Assert.Null(activity.Attachments);
    }

    [Fact]
    public void ReplyWithTextAndCardIsOneMessageAndACardOnlyReplyGetsASummary()
    {
        var both = OutboundActivities.FromReply(Reply.WithCard("✅ 已新建线索", Sample()))!;
        var cardOnly = OutboundActivities.FromReply(new Reply { Card = Sample() })!;

        Assert.Equal(AdaptiveCardRenderer.ContentType, both.Attachments![0].ContentType);
        Assert.Null(both.Summary);
        Assert.Null(cardOnly.Text);
        Assert.Equal("深圳市汇川技术股份有限公司", cardOnly.Summary);
        Assert.Null(OutboundActivities.FromReply(Reply.Of("  ")));
    }

    [Fact]
    public void ALongTimelineShowsItsFirstSixtyLinesAndSaysHowManyAreLeft()
    {
        var card = new Card { Title = "汇川" };
        for (var i = 0; i < 3000; i++) card.Lines.Add($"12-01 [拜访] 第 {i} 次跟进");

        var json = AdaptiveCardRenderer.Render(card).ToJsonString(TeamsJson.Options);

        Assert.Contains("第 59 次跟进", json);
        Assert.DoesNotContain("第 60 次跟进", json);
        Assert.Contains("另有 2940 行未显示", json);
    }

    [Fact]
    public void APlainTextCopyOfTheCardIsNotSentNextToTheCard()
    {
        var card = Sample();
        var activity = OutboundActivities.FromReply(Reply.WithCard("深圳市汇川技术股份有限公司\n#1 · 客户 · 重要程度 A\n负责人：张三", card))!;

        Assert.Null(activity.Text);
        Assert.Equal("深圳市汇川技术股份有限公司", activity.Summary);
        Assert.Single(activity.Attachments!);
    }

    [Fact]
    public void AHugeCardIsTrimmedUnderTheTeamsSizeLimit()
    {
        var card = Sample();
        for (var i = 0; i < 60; i++) card.Lines.Add($"{i} " + new string('长', 1000));

        var activity = OutboundActivities.FromReply(Reply.WithCard("客户详情", card))!;

        Assert.True(OutboundActivities.Size(activity) <= OutboundActivities.MaxUtf16Bytes);
        Assert.Contains("已截断", activity.Attachments![0].Content!.ToJsonString(TeamsJson.Options));
    }

    [Fact]
    public void ReplyUpdatingTheCardBecomesTheInvokeAnswerAndTheRestIsPosted()
    {
        var decided = Sample();
        decided.Outcome = "已同意 · 李四";
        var note = Reply.Of("已通知张三");

        var (response, toPost) = CardInvokeAnswer.From("act", [new Reply { Text = "已同意", Card = decided, UpdatesCard = true }, note]);

        var json = JsonNode.Parse(JsonSerializer.Serialize(response, TeamsJson.Options))!;
        Assert.Equal(200, (int)json["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)json["type"]);
        Assert.Equal("AdaptiveCard", (string?)json["value"]!["type"]);
        Assert.Equal([note], toPost);
    }

    [Fact]
    public void ARefusedDecisionIsShownOnTheCardAndACommandButtonPostsItsReplies()
    {
        var (refusal, nothing) = CardInvokeAnswer.From("act", [Reply.Of("这个操作已经处理过了：已同意")]);
        var help = Reply.Of("📖 众韩助手命令");
        var (ack, posted) = CardInvokeAnswer.From("cmd", [help]);

        Assert.Equal("application/vnd.microsoft.activity.message", refusal.Type);
        Assert.Equal("这个操作已经处理过了：已同意", (string?)refusal.Value);
        Assert.Empty(nothing);
        Assert.Equal("application/vnd.microsoft.activity.message", ack.Type);
        Assert.Equal([help], posted);
    }

    [Fact]
    public void InvokeErrorHasTheDocumentedShape()
    {
        var json = JsonSerializer.Serialize(AdaptiveCardInvokeResponse.Failure(400, "BadRequest", "按钮已失效"), TeamsJson.Options);

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"按钮已失效"}}"""),
            JsonNode.Parse(json)));
    }
}

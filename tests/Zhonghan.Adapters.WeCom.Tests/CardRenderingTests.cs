using System.Text;
using Zhonghan.Adapters.WeCom.Mapping;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom.Tests;

public class CardRenderingTests
{
    private static Card Approval() => new()
    {
        Title = "报价审批 Q-0012",
        Subtitle = "汇川 · 张三",
        Fields = [new("金额", "¥12,800"), new("型号", "STM32F103")],
        Actions = [CardAction.Token("同意", "t1", CardActionStyle.Primary), CardAction.Token("驳回", "t2", CardActionStyle.Danger)],
    };

    [Fact]
    public void ButtonsRoundTripThroughTheirWeComKeys()
    {
        foreach (var action in new[] { CardAction.Token("同意", "abc"), CardAction.Command("明天", "下次跟进 #3 明天"),
                     new CardAction { Id = "vote", Payload = new() { ["a"] = "1", ["b"] = "二" } } })
        {
            var (id, payload) = CardKeys.Decode(CardKeys.Encode(action)!);
            Assert.Equal(action.Id, id);
            Assert.Equal(action.Payload, payload);
        }
        Assert.Equal("unknown", CardKeys.Decode("j:{broken").Id);
        Assert.Null(CardKeys.Encode(CardAction.Command("长", new string('长', 400))));
    }

    [Fact]
    public void ACardWithButtonsBecomesAButtonInteractionCardWithATaskId()
    {
        var rendered = TemplateCards.Render(Approval(), noticeUrl: null);
        var card = rendered.Card!;
        Assert.Null(rendered.FullText);
        Assert.Equal("button_interaction", card.CardType);
        Assert.Matches("^[0-9A-Za-z_@-]{1,128}$", card.TaskId);
        Assert.Equal(["act:t1", "act:t2"], card.ButtonList!.Select(b => b.Key));
        Assert.Equal([1, 3], card.ButtonList!.Select(b => b.Style));
        Assert.Equal("¥12,800", card.HorizontalContentList![0].Value);
    }

    [Fact]
    public void ANoticeIsATextNoticeWithItsLinkOrPlainTextWithoutOne()
    {
        var notice = new Card { Title = "今日待跟进 3 家", Lines = ["汇川", "正泰"] };
        Assert.Equal("text_notice", TemplateCards.Render(notice, "https://crm.example/today").Card!.CardType);
        var asText = TemplateCards.Render(notice, null);
        Assert.Null(asText.Card);
        Assert.Equal("【今日待跟进 3 家】\n汇川\n正泰", asText.FullText);
    }

    [Fact]
    public void ACardTooBigForWeComAlsoGoesAsFullTextSoNothingIsLost()
    {
        var card = Approval();
        card.Lines.AddRange(Enumerable.Range(1, 20).Select(i => $"第{i}次跟进：拜访王工，确认新项目用量"));
        var rendered = TemplateCards.Render(card, null);
        Assert.True(rendered.Card!.SubTitleText!.Length <= 112);
        Assert.Contains("第20次跟进", rendered.FullText);
    }

    [Fact]
    public void AnUpdateGreysTheButtonsUnderTheOutcomeAndKeepsTheTaskId()
    {
        var card = Approval();
        card.Outcome = "已同意 · 李四";
        var update = TemplateCards.Update(card, "lisi", 7, "rc", "zh_old", "已处理");
        Assert.Equal("已同意 · 李四", update.TemplateCard!.ReplaceText);
        Assert.Equal("zh_old", update.TemplateCard.TaskId);
        Assert.Equal(["lisi"], update.Userids);

        var bare = TemplateCards.Update(new Card { Outcome = "已驳回 · 李四" }, "lisi", 7, "rc", null, "已处理");
        Assert.Equal("已驳回 · 李四", bare.Button!.ReplaceName);
        Assert.Null(bare.TemplateCard);
    }

    [Fact]
    public void LongTextSplitsIntoPiecesWithinWeComsByteLimitLosingNothing()
    {
        var text = string.Join("\n", Enumerable.Range(1, 300).Select(i => $"{i}. 深圳市汇川技术股份有限公司 王工 👍"));
        text += "\n" + new string('长', 1500);
        var pieces = CardText.Split(text);
        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= CardText.TextMaxBytes));
        Assert.Equal(text.Replace("\n", ""), string.Concat(pieces).Replace("\n", ""));
    }

    [Fact]
    public void PlainTextRepliesThatFitGoPassivelyAndCardsDoNot()
    {
        var plan = ReplyPlan.For([Reply.Of("一"), Reply.Of("二")], cardAction: false);
        Assert.Equal("一\n\n二", plan.PassiveText);
        Assert.Null(ReplyPlan.For([Reply.WithCard("客户", Approval())], false).PassiveText);
        Assert.Null(ReplyPlan.For([Reply.Of(new string('字', 700))], false).PassiveText); // 2100 bytes
    }

    [Fact]
    public void AfterAButtonPressTheUpdatingCardIsSeparatedAndItsTextStillGoes()
    {
        var card = Approval();
        card.Outcome = "已同意 · 李四";
        var plan = ReplyPlan.For([new Reply { Text = "已同意。", Card = card, UpdatesCard = true }], cardAction: true);
        Assert.Same(card, plan.CardUpdate);
        Assert.Equal("已同意。", plan.PassiveText);
    }
}

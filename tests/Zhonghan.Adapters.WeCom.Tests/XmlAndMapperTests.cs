using Zhonghan.Adapters.WeCom.Crypto;
using Zhonghan.Adapters.WeCom.Mapping;
using Zhonghan.Adapters.WeCom.Model;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom.Tests;

public class XmlAndMapperTests
{
    [Fact]
    public void TheOfficialTextMessageMapsToAMessageTurnFromItsSender()
    {
        var turn = WeComMapper.Map(InboundMessage.Parse(Official.PostPlain)).Turn!;
        Assert.Equal(Channels.WeCom, turn.Channel);
        Assert.Equal("msg:4561255354251345929", turn.MessageId);
        Assert.Equal("mycreate", turn.SenderId);
        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal("hello", turn.Text);
        Assert.Equal("mycreate", turn.Address.UserId);
        Assert.Equal("218", turn.Address.Extra["agentid"]);
    }

    [Fact]
    public void ABase64MsgIdIsKeptAsAString()
    {
        var xml = WeComTestBot.TextXml("zhangsan", "帮助", "CAIQg/PKxgYY2sC9tpuAgAMg9/zKaw==", 1);
        Assert.Equal("msg:CAIQg/PKxgYY2sC9tpuAgAMg9/zKaw==", WeComMapper.Map(InboundMessage.Parse(xml)).Turn!.MessageId);
    }

    [Fact]
    public void EnteringTheAppIsAWelcomeAndTwoEntriesAreTwoTurns()
    {
        var a = WeComMapper.Map(InboundMessage.Parse(WeComTestBot.EventXml("zhangsan", "enter_agent", 100))).Turn!;
        var b = WeComMapper.Map(InboundMessage.Parse(WeComTestBot.EventXml("zhangsan", "enter_agent", 101))).Turn!;
        Assert.Equal(TurnKind.Welcome, a.Kind);
        Assert.NotEqual(a.MessageId, b.MessageId);
        Assert.StartsWith("evt:zhangsan:100:", a.MessageId);
    }

    [Fact]
    public void AMenuClickRunsItsKeyAsACommand()
    {
        var plain = WeComMapper.Map(InboundMessage.Parse(WeComTestBot.EventXml("lisi", "click", 1, "<EventKey><![CDATA[今日]]></EventKey>"))).Turn!;
        var prefixed = WeComMapper.Map(InboundMessage.Parse(WeComTestBot.EventXml("lisi", "click", 1, "<EventKey><![CDATA[cmd:我的线索 2]]></EventKey>"))).Turn!;
        Assert.Equal((TurnKind.Message, "今日"), (plain.Kind, plain.Text));
        Assert.Equal("我的线索 2", prefixed.Text);
    }

    [Fact]
    public void ACardButtonPressBecomesTheCoreCardActionWithItsResponseCode()
    {
        var xml = WeComTestBot.EventXml("lisi", "template_card_event", 5,
            "<EventKey><![CDATA[act:tok123]]></EventKey><TaskId><![CDATA[zh_1]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[rc-9]]></ResponseCode>");
        var inbound = WeComMapper.Map(InboundMessage.Parse(xml));
        var turn = inbound.Turn!;
        Assert.Equal(TurnKind.CardAction, turn.Kind);
        Assert.Equal("act", turn.Action!.ActionId);
        Assert.Equal("tok123", turn.Action.Payload["token"]);
        Assert.Equal("rc-9", turn.Action.CardRef);
        Assert.Equal("zh_1", inbound.Message.TaskId);
    }

    [Theory]
    [InlineData("image")]
    [InlineData("voice")]
    [InlineData("file")]
    public void MediaBecomeAnUnsupportedTurnNamingTheirType(string type)
    {
        var xml = $"<xml><ToUserName>c</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>1</CreateTime><MsgType>{type}</MsgType><MediaId>m</MediaId><MsgId>77</MsgId></xml>";
        var turn = WeComMapper.Map(InboundMessage.Parse(xml)).Turn!;
        Assert.Equal((TurnKind.Unsupported, type), (turn.Kind, turn.UnsupportedType));
    }

    [Fact]
    public void ACustomerServiceNoticeCarriesItsTokenAndAccount()
    {
        var xml = WeComTestBot.EventXml("sys", "kf_msg_or_event", 1, "<Token><![CDATA[ENC_TOKEN]]></Token><OpenKfId><![CDATA[wkAJ2GCAAA]]></OpenKfId>");
        var inbound = WeComMapper.Map(InboundMessage.Parse(xml));
        Assert.Null(inbound.Turn);
        Assert.Equal(new KfNotice("wkAJ2GCAAA", "ENC_TOKEN"), inbound.Kf);
    }

    [Fact]
    public void MenuLinksAndContactChangesAreIgnored()
    {
        Assert.NotNull(WeComMapper.Map(InboundMessage.Parse(WeComTestBot.EventXml("zhangsan", "view", 1))).Ignored);
        Assert.NotNull(WeComMapper.Map(InboundMessage.Parse(WeComTestBot.EventXml("sys", "change_contact", 1))).Ignored);
    }

    [Theory]
    [InlineData("<xml><MsgType>text</MsgType><Content>x</Content></xml>")] // no sender
    [InlineData("<xml><FromUserName>a</FromUserName></xml>")] // no MsgType
    [InlineData("<notxml/>")]
    [InlineData("<xml><unclosed></xml>")]
    [InlineData("")]
    public void MalformedMessagesAreRefusedAsParseErrors(string xml) =>
        Assert.Equal(WeComCryptoError.ParseXml, Assert.Throws<WeComCryptoException>(() => WeComMapper.Map(InboundMessage.Parse(xml))).Error);

    [Fact]
    public void ADtdIsRefusedSoNoEntityCanBeExpanded()
    {
        const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>";
        const string bomb = "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><xml><Encrypt>&b;</Encrypt></xml>";
        Assert.Equal(WeComCryptoError.ParseXml, Assert.Throws<WeComCryptoException>(() => CallbackEnvelope.ReadEncrypt(xxe)).Error);
        Assert.Equal(WeComCryptoError.ParseXml, Assert.Throws<WeComCryptoException>(() => CallbackEnvelope.ReadEncrypt(bomb)).Error);
    }

    [Fact]
    public void HugeXmlIsRefusedBeforeParsing()
    {
        var huge = "<xml><Encrypt>" + new string('A', SafeXml.MaxCharacters) + "</Encrypt></xml>";
        Assert.Equal(WeComCryptoError.ParseXml, Assert.Throws<WeComCryptoException>(() => CallbackEnvelope.ReadEncrypt(huge)).Error);
    }

    [Fact]
    public void EnvelopeElementsAreFoundInAnyOrder() =>
        Assert.Equal("abc", CallbackEnvelope.ReadEncrypt("<xml><Encrypt><![CDATA[abc]]></Encrypt><ToUserName>x</ToUserName></xml>"));
}

using Zhonghan.Core.Understanding;

namespace Zhonghan.Core.Tests.Understanding;

public class UnknownReadingTests : Reading
{
    [Fact]
    public void ACompanyAloneGetsItsCardAndAFollowUpAsSuggestions()
    {
        var m = Read("汇川");
        Assert.Equal(Intent.Unknown, m.Intent);
        Assert.InRange(m.Suggestions.Count, 2, 3);
        Assert.Equal(Intent.AskStatus, m.Suggestions[0].Intent);
        Assert.Equal("客户 汇川", m.Suggestions[0].Example("客户"));
        Assert.Contains(m.Suggestions, s => s.Intent == Intent.LogFollowUp && s.Example("跟进") == "跟进 汇川 <内容>");
    }

    [Fact]
    public void ADateAloneSuggestsAReminderFilledWithIt()
    {
        var m = Read("下周三");
        Assert.Equal(Intent.Unknown, m.Intent);
        Assert.Contains(m.Suggestions, s => s.Intent == Intent.SetReminder && s.Example("提醒") == "提醒 下周三 <内容>");
    }

    [Theory]
    [InlineData("今天天气不错")]
    [InlineData("哈哈")]
    [InlineData("ok")]
    public void ChatterIsNotUnderstoodButStillGetsTwoOrThreeCommands(string text)
    {
        var m = Read(text);
        Assert.Equal(Intent.Unknown, m.Intent);
        Assert.InRange(m.Suggestions.Count, 2, 3);
        Assert.Equal("<company>", Suggestion.Placeholder(Slot.Customer, english: true));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void NothingIsNotUnderstoodAndDoesNotCrash(string? text) => Assert.Equal(Intent.Unknown, MessageReader.Read(text, Clock).Intent);

    [Fact]
    public void APastedDocumentIsNotRead() =>
        Assert.Equal(Intent.Unknown, Read("拜访汇川" + new string('。', MessageReader.MaxLength)).Intent);

    [Fact]
    public void TheClockOrAnExplicitNowReadTheSame()
    {
        var byClock = Read("明早提醒我发报价给正泰");
        var byNow = MessageReader.Read("明早提醒我发报价给正泰", Clock.GetUtcNow());
        Assert.Equal(Day(byClock.RemindAt), Day(byNow.RemindAt));
        Assert.Equal("2026-12-09 09:00", Day(byNow.RemindAt));
    }
}

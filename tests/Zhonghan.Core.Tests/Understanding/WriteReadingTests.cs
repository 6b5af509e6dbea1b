using Zhonghan.Core.Sales;
using Zhonghan.Core.Understanding;

namespace Zhonghan.Core.Tests.Understanding;

public class WriteReadingTests : Reading
{
    [Fact]
    public void AReminderTakesTheFirstDateAndTheRestAsWhatToDo()
    {
        var m = Read("明天提醒我给比亚迪打电话");
        Assert.Equal(Intent.SetReminder, m.Intent);
        Assert.Equal("2026-12-09", Day(m.RemindAt));
        Assert.Equal("给比亚迪打电话", m.Content);
        Assert.Equal("比亚迪", m.Customer?.Text);
    }

    [Theory]
    [InlineData("提醒我下午4点半给汇川回电话", "2026-12-08 16:30", "给汇川回电话")]
    [InlineData("20分钟后提醒我看邮件", "2026-12-08 10:50", "看邮件")]
    [InlineData("remind me next mon to send samples to Chint", "2026-12-14", "send samples to Chint")]
    public void RemindersReadTheirTimeAndText(string text, string at, string content)
    {
        var m = Read(text);
        Assert.Equal(Intent.SetReminder, m.Intent);
        Assert.Equal(at, Day(m.RemindAt));
        Assert.Equal(content, m.Content);
    }

    [Fact]
    public void AReminderWithoutATimeAsksForIt()
    {
        var m = Read("提醒我给联影寄样品");
        Assert.Equal([Slot.RemindAt], m.Missing);
        Assert.Null(m.RemindAt);
    }

    [Fact]
    public void ANewLeadFromASentenceHasItsCompanyContactAndPhone()
    {
        var m = Read("新认识一个客户，苏州新锐电子的李工，电话13912345678");
        Assert.Equal(Intent.NewLead, m.Intent);
        Assert.Equal("苏州新锐电子", m.Customer?.Text);
        Assert.Equal("李工", m.Contact?.Text);
        Assert.Equal("13912345678", m.Phone);
    }

    [Fact]
    public void ReturningToThePoolKeepsTheReasonAsTyped()
    {
        var m = Read("把先导智能退回公海吧，没需求了");
        Assert.Equal(Intent.ReturnToPool, m.Intent);
        Assert.Equal("先导智能", m.Customer?.Text);
        Assert.Equal("没需求了", m.Reason);
    }

    [Fact]
    public void ReturningWithoutAReasonAsksForOne() => Assert.Equal([Slot.Reason], Read("把汇川退回公海").Missing);

    [Fact]
    public void ALostDealHasItsCustomerAndReason()
    {
        var m = Read("海康那个单子丢了，价格没谈拢");
        Assert.Equal(Intent.LoseDeal, m.Intent);
        Assert.Equal("海康", m.Customer?.Text);
        Assert.Equal("价格没谈拢", m.Reason);
    }

    [Fact]
    public void AProjectNameStandsForTheDeal()
    {
        var m = Read("BMS项目黄了 客户项目取消");
        Assert.Equal(Intent.LoseDeal, m.Intent);
        Assert.Null(m.Customer);
        Assert.Equal("BMS", m.Deal?.Text);
        Assert.Empty(m.Missing);
    }

    [Theory]
    [InlineData("汇川的商机推进到申样", Stage.Sample)]
    [InlineData("正泰那个单子可以报价了", Stage.Quote)]
    [InlineData("move the BYD deal to testing", Stage.Testing)]
    public void AnAdvancedDealHasItsStage(string text, Stage stage)
    {
        var m = Read(text);
        Assert.Equal(Intent.AdvanceDeal, m.Intent);
        Assert.Equal(stage, m.Stage);
    }

    [Theory]
    [InlineData("海康那个单子还能推进吗")]
    [InlineData("先导智能是不是在公海")]
    [InlineData("比亚迪的单子丢了吗")]
    public void AQuestionIsNeverAWrite(string text) => Assert.False(Read(text).IsWrite);

    [Fact]
    public void ANextDayThatJustPassedIsAskedAboutBeforeAnythingIsWritten()
    {
        var m = Read("拜访汇川 12月7日再联系");
        Assert.Equal(Intent.LogFollowUp, m.Intent);
        Assert.True(m.NextDate?.Reading.NeedsConfirmation);
        Assert.Empty(m.Missing);
        Assert.False(m.CanActNow);
    }
}

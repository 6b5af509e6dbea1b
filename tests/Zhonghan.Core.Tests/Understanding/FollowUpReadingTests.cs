using Zhonghan.Core.Understanding;

namespace Zhonghan.Core.Tests.Understanding;

public class FollowUpReadingTests : Reading
{
    [Fact]
    public void AVisitThatNamesAPartIsAFollowUpWithThePartNeedAttached()
    {
        var m = Read("今天拜访了汇川的张工，他们要STM32F103的样品，下周三再跟进");
        Assert.Equal(Intent.LogFollowUp, m.Intent);
        Assert.Equal("汇川", m.Customer?.Text);
        Assert.Equal("张工", m.Contact?.Text);
        Assert.Equal(TouchKind.Visit, m.Kind);
        Assert.Equal("2026-12-16", Day(m.NextDate));
        var part = Assert.Single(m.Parts);
        Assert.Equal("STM32F103", part.Norm);
        Assert.True(part.Sample);
        Assert.True(m.CanActNow);
    }

    [Fact]
    public void TheNoteIsTheRepsOwnWordsWithoutTheRequestToRecord()
    {
        var m = Read("帮我记一下：和立讯王经理电话沟通，报价下周给");
        Assert.Equal(Intent.LogFollowUp, m.Intent);
        Assert.Equal("和立讯王经理电话沟通，报价下周给", m.Content);
        Assert.Equal(TouchKind.Call, m.Kind);
        Assert.Null(m.NextDate); // 报价下周给 is what was promised, not a plan to follow up
    }

    [Theory]
    [InlineData("去拜访了汇川 下周二再过去", "2026-12-15")]
    [InlineData("和正泰王工打了电话 月底前回复", "2026-12-31")]
    [InlineData("跟比亚迪的采购吃饭 过几天再约", "2026-12-11")]
    [InlineData("met Tom at BYD, follow up tomorrow", "2026-12-09")]
    [InlineData("拜访海康 约了周四下午2点再碰一下", "2026-12-10 14:00")]
    public void ANextDateIsTakenWhereverItStands(string text, string next) => Assert.Equal(next, Day(Read(text).NextDate));

    [Theory]
    [InlineData("和汇川张工电话沟通 他们下周出BOM")]
    [InlineData("拜访正泰 对方说下个月招标")]
    [InlineData("今天去比亚迪拜访")]
    public void ADateThatIsNotAPlanDoesNotBecomeTheNextFollowUp(string text)
    {
        var m = Read(text);
        Assert.Equal(Intent.LogFollowUp, m.Intent);
        Assert.Null(m.NextDate);
    }

    [Fact]
    public void AFollowUpWithoutACustomerAsksForItInsteadOfGuessing()
    {
        var m = Read("拜访了王工 他们要报价");
        Assert.Equal(Intent.LogFollowUp, m.Intent);
        Assert.Null(m.Customer);
        Assert.Equal("王工", m.Contact?.Text);
        Assert.Equal([Slot.Customer], m.Missing);
        Assert.False(m.CanActNow);
    }

    [Theory]
    [InlineData("和联影的孙主任吃了个饭", TouchKind.Meal)]
    [InlineData("跟格力开了个会", TouchKind.Meeting)]
    [InlineData("给中天科技发了邮件", TouchKind.Email)]
    [InlineData("和海康陈工微信聊了聊", TouchKind.WeChat)]
    [InlineData("加了正泰李工的微信", TouchKind.AddFriend)]
    [InlineData("约了比亚迪的采购下周见面", TouchKind.Invite)]
    [InlineData("called Chint about the quote", TouchKind.Call)]
    public void TheKindOfTouchIsTheFirstTellingWord(string text, TouchKind kind) => Assert.Equal(kind, Read(text).Kind);

    [Fact]
    public void ATypoOfTheCommandWordStillReadsAsTheCommandButIsNotDoneWithoutConfirmation()
    {
        var m = Read("根进 正泰 电话沟通 下周再联系");
        Assert.Equal(Intent.LogFollowUp, m.Intent);
        Assert.Equal("正泰", m.Customer?.Text);
        Assert.Equal("电话沟通 下周再联系", m.Content);
        Assert.False(m.CanActNow);
    }

    [Fact]
    public void SpansPointIntoTheMessageAsTyped()
    {
        var text = "ＯＫ，今天拜访了汇川的张工";
        var m = Read(text);
        Assert.Equal("汇川", text.Substring(m.Customer!.Start, m.Customer.Length));
        Assert.Equal("张工", text.Substring(m.Contact!.Start, m.Contact.Length));
    }

    [Fact]
    public void QuantitiesAndAmountsAreReadByTheCommandParsers()
    {
        var m = Read("拜访阳光电源 储能项目要TPS54331 年用量10k 预计50万");
        Assert.Equal(10_000, m.Quantity);
        Assert.Equal(500_000m, m.Amount);
        Assert.Equal(10_000, Assert.Single(m.Parts).Quantity);
    }

    [Theory]
    [InlineData("下周三跟汇川开会")]
    [InlineData("call Chint tomorrow")]
    public void ATouchStillToComeIsNoFollowUpAndSuggestsAReminder(string text)
    {
        var m = Read(text);
        Assert.Equal(Intent.Unknown, m.Intent);
        Assert.Equal(Intent.SetReminder, m.Suggestions[0].Intent);
    }

    [Theory]
    [InlineData("给中兴发了报价 等回复", "中兴")]
    [InlineData("刚跟比亚迪开完会，对方要我们明天给报价", "比亚迪")]
    public void WhatWasDoneWithANamedCustomerIsAFollowUp(string text, string customer)
    {
        var m = Read(text);
        Assert.Equal(Intent.LogFollowUp, m.Intent);
        Assert.Equal(customer, m.Customer?.Text);
    }
}

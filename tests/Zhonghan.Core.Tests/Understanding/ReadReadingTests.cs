using Zhonghan.Core.Understanding;

namespace Zhonghan.Core.Tests.Understanding;

public class ReadReadingTests : Reading
{
    [Theory]
    [InlineData("汇川那个商机怎么样了", Intent.AskDeals, "汇川")]
    [InlineData("中天科技的电话多少", Intent.AskContacts, "中天科技")]
    [InlineData("三星医疗的联系人是谁", Intent.AskContacts, "三星医疗")]
    [InlineData("who owns 海康威视", Intent.AskOwner, "海康威视")]
    [InlineData("正泰最近跟进了啥", Intent.AskFollowUps, "正泰")]
    [InlineData("英威腾还欠多少货款", Intent.AskOwed, "英威腾")]
    [InlineData("格力现在什么情况", Intent.AskStatus, "格力")]
    public void QuestionsAboutACustomerNameItAsTyped(string text, Intent intent, string customer)
    {
        var m = Read(text);
        Assert.Equal(intent, m.Intent);
        Assert.Equal(customer, m.Customer?.Text);
        Assert.False(m.IsWrite);
    }

    [Fact]
    public void ADealNamedByItsProjectIsAskedAboutAsADeal()
    {
        var m = Read("BMS那个单子回款了吗");
        Assert.Equal(Intent.AskOwed, m.Intent);
        Assert.Equal("BMS", m.Deal?.Text);
        Assert.Null(m.Customer);
    }

    [Theory]
    [InlineData("what's due today", Intent.ListToday)]
    [InlineData("我今天要跟进哪些客户", Intent.ListToday)]
    [InlineData("show me my pipeline", Intent.ListPipeline)]
    [InlineData("有哪些逾期没跟进的客户", Intent.ListOverdue)]
    [InlineData("我的线索", Intent.ListMyLeads)]
    [InlineData("我手上的商机", Intent.ListMyDeals)]
    public void ListsNeedNoCustomer(string text, Intent intent)
    {
        var m = Read(text);
        Assert.Equal(intent, m.Intent);
        Assert.Empty(m.Missing);
    }

    [Theory]
    [InlineData("给我看看本月业绩", PayPeriod.Month)]
    [InlineData("这季度提成怎么样", PayPeriod.Quarter)]
    public void PayIsForTheMonthOrTheQuarter(string text, PayPeriod period)
    {
        var m = Read(text);
        Assert.Equal(Intent.ListPay, m.Intent);
        Assert.Equal(period, m.Period);
    }

    [Theory]
    [InlineData("TPS54331 交期多久", "TPS54331")]
    [InlineData("汇川要的AD7606有现货吗", "AD7606")]
    public void APartQuestionGoesToTheKnowledgeBaseWithItsParts(string text, string part)
    {
        var m = Read(text);
        Assert.Equal(Intent.PartQuestion, m.Intent);
        Assert.Equal(part, Assert.Single(m.Parts).Norm);
    }

    [Theory]
    [InlineData("你好")]
    [InlineData("thanks")]
    [InlineData("怎么记跟进")]
    public void GreetingsAndHowToQuestionsAreHelp(string text) => Assert.Equal(Intent.Help, Read(text).Intent);

    [Theory]
    [InlineData("谁负责美的", Intent.AskOwner, "美的")]
    [InlineData("我想查一下格力", Intent.AskStatus, "格力")]
    public void ANameEndingInDeIsKeptWhole(string text, Intent intent, string customer)
    {
        var m = Read(text);
        Assert.Equal(intent, m.Intent);
        Assert.Equal(customer, m.Customer?.Text);
    }

    [Fact]
    public void AWordThatReadsLikeAPersonIsACompanyWhenItsContactFollows()
    {
        var m = Read("易事特的采购说要等招标结果");
        Assert.Equal(Intent.LogFollowUp, m.Intent);
        Assert.Equal("易事特", m.Customer?.Text);
        Assert.Equal("采购", m.Contact?.Text);
    }

    [Fact]
    public void WhichCustomersIsNoQuestionAboutOne() => Assert.NotEqual(Intent.AskStatus, Read("今天跟进了哪些客户").Intent);

    [Fact]
    public void ThisMonthsPaymentsArePay() => Assert.Equal(PayPeriod.Month, Read("本月回款").Period);
}

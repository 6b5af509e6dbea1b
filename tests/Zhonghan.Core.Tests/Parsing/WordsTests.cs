using Microsoft.Extensions.Time.Testing;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Tests.Parsing;

public class WordsTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 8, 10, 30, 0, TimeSpan.FromHours(8)));

    [Theory]
    [InlineData("电话沟通，下周三再联系", "下周三", "2026-12-16")]
    [InlineData("报价已发，月底前回复", "月底", "2026-12-31")]
    [InlineData("拜访王工 过两天再跟进", "过两天", "2026-12-10")]
    [InlineData("样品测试中。下周一再约", "下周一", "2026-12-14")]
    [InlineData("sent the quote, follow up next wed", "next wed", "2026-12-16")]
    [InlineData("明天拜访", "明天", "2026-12-09")]
    public void ANextDateAtTheEndOfANoteIsFound(string note, string dateText, string day)
    {
        Assert.True(NextDatePhrase.TryFind(note, clock, out var text, out var reading), note);
        Assert.Equal(dateText, text);
        Assert.Equal(day, reading.Date.LocalDay.ToString("yyyy-MM-dd"));
    }

    [Theory]
    [InlineData("电话沟通，客户说再联系")]
    [InlineData("确认了新项目用量")]
    [InlineData("下周三再联系，先发资料")]
    [InlineData("今天拜访")]
    [InlineData("昨天电话沟通")]
    public void NotesWithoutANextDateAtTheEndHaveNone(string note) => Assert.False(NextDatePhrase.TryFind(note, clock, out _, out _));

    [Theory]
    [InlineData("李工", true)]
    [InlineData("王经理", true)]
    [InlineData("老王", true)]
    [InlineData("张伟", true)]
    [InlineData("Tom", true)]
    [InlineData("新锐", false)]
    [InlineData("电子", false)]
    [InlineData("苏州", false)]
    [InlineData("张江科技", false)]
    [InlineData("13911112222", false)]
    public void ContactsLookLikePeople(string word, bool expected) => Assert.Equal(expected, LeadText.LooksLikeContact(word));

    [Fact]
    public void ALeadWhoseCompanyIsClearIsNotAsked()
    {
        var w = LeadText.Split("昆山龙腾光电股份有限公司 陆工 13911112222");
        Assert.False(w.IsAmbiguous);
        Assert.Equal(("昆山龙腾光电股份有限公司", "陆工", "13911112222"), (w.Company, w.Contact, w.Phone));
        w = LeadText.Split("“Acme Power Co., Ltd.” Tom 13900001111");
        Assert.Equal(("Acme Power Co., Ltd.", "Tom"), (w.Company, w.Contact));
        Assert.Equal("立讯精密", LeadText.Split("立讯精密").Company);
    }

    [Fact]
    public void WordsAfterTheCompanyThatAreNoContactAreAskedAbout()
    {
        var w = LeadText.Split("苏州 新锐 电子 李工 13912345678");
        Assert.True(w.IsAmbiguous);
        Assert.Equal("13912345678", w.Phone);
        Assert.Equal(
            [new LeadReading("苏州新锐电子", "李工"), new LeadReading("苏州新锐", "电子 李工"), new LeadReading("苏州", "新锐 电子 李工")],
            w.Choices);
    }

    [Theory]
    [InlineData("汇芯微电子（苏州）有限公司", "苏州汇芯微电子有限公司")]
    [InlineData("汇芯微电子(苏州市)有限公司", "苏州汇芯微电子股份有限公司")]
    [InlineData("苏州汇芯微电子集团有限公司", "苏州汇芯微电子有限公司")]
    [InlineData("汇芯微电子（集团）股份有限公司", "汇芯微电子有限公司")]
    public void BracketedCitiesAndLegalVariantsAreTheSameCompany(string a, string b) => Assert.Equal(CompanyName.Key(b), CompanyName.Key(a));

    [Fact]
    public void ABracketThatIsNoCityStays() =>
        Assert.NotEqual(CompanyName.Key("汇芯微电子有限公司"), CompanyName.Key("汇芯微电子（中芯）有限公司"));

    [Theory]
    [InlineData("Price for 06035A391JAT2A?", true)]
    [InlineData("今日待办？", true)]
    [InlineData("STM32F103 有现货吗", true)]
    [InlineData("what is the lead time of TPS54331", true)]
    [InlineData("price STM32F103C8T6 8.2", false)]
    [InlineData("跟进 汇川 电话", false)]
    public void Questions(string text, bool expected) => Assert.Equal(expected, QuestionCues.LooksLikeQuestion(text));
}

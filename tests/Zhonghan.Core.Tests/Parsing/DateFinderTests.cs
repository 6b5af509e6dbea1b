using Microsoft.Extensions.Time.Testing;
using Zhonghan.Core.Parsing;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Tests.Parsing;

/// <summary>Dates inside sentences, on Tuesday 2026-12-08 10:30 in Shanghai.</summary>
public class DateFinderTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 8, 10, 30, 0, TimeSpan.FromHours(8)));

    private static string Local(ResolvedDate d) =>
        d.DateOnly ? d.LocalDay.ToString("yyyy-MM-dd") : BusinessTime.ToLocal(d.Utc).ToString("yyyy-MM-dd HH:mm");

    [Theory]
    [InlineData("今天拜访了汇川的张工，下周三再跟进", "今天|2026-12-08;下周三|2026-12-16")]
    [InlineData("提醒我明天下午3点给汇川回电话", "明天下午3点|2026-12-09 15:00")]
    [InlineData("明早再打个电话", "明早|2026-12-09 09:00")]
    [InlineData("周五前回复，下礼拜再约", "周五前|2026-12-11;下礼拜|2026-12-14")]
    [InlineData("半小时后提醒我", "半小时后|2026-12-08 11:00")]
    [InlineData("remind me tomorrow 3pm to call BYD", "tomorrow 3pm|2026-12-09 15:00")]
    [InlineData("follow up next wed, or in 3 days", "next wed|2026-12-16;in 3 days|2026-12-11")]
    [InlineData("价格再便宜一点，过两天再联系", "过两天|2026-12-10")]
    public void EveryDateOfASentenceIsFoundWhereItStands(string text, string expected)
    {
        var found = DateFinder.FindAll(text, DatePurpose.Plan, clock);
        Assert.Equal(expected, string.Join(";", found.Select(f => $"{f.Text}|{Local(f.Reading.Date)}")));
        Assert.All(found, f => Assert.Equal(f.Text, text.Substring(f.Start, f.Length)));
    }

    [Theory]
    [InlineData("STM32F103 样品 500片")]
    [InlineData("型号 TPS54331，报价单Q12")]
    public void PartsCountsAndCodesAreNoDates(string text) => Assert.Empty(DateFinder.FindAll(text, DatePurpose.Plan, clock));

    [Theory]
    [InlineData("今天拜访了汇川的张工，他们要STM32F103的样品，下周三再跟进", "2026-12-16")]
    [InlineData("今天约了美的的采购 周四上门拜访", "2026-12-10")]
    [InlineData("先导智能 微信沟通 明早再打个电话", "2026-12-09")]
    [InlineData("called BYD, no answer, try again tomorrow", "2026-12-09")]
    [InlineData("上午去了阳光电源，月底前回复", "2026-12-31")]
    public void ANextDateIsFoundAnywhereInASentence(string text, string day)
    {
        Assert.True(NextDatePhrase.TryFindIn(text, clock, out var found), text);
        Assert.Equal(day, found.Reading.Date.LocalDay.ToString("yyyy-MM-dd"));
    }

    [Theory]
    [InlineData("和立讯王经理电话沟通，报价下周给")]
    [InlineData("星宇车灯 采购 微信说下礼拜下单")]
    [InlineData("他们要LMR33630的样品 周五前寄出")]
    [InlineData("今天去联影医疗拜访")]
    [InlineData("下午去了格力电器")]
    public void ADateFollowedByNoFollowUpVerbIsNoNextDate(string text) => Assert.False(NextDatePhrase.TryFindIn(text, clock, out _));
}

using Microsoft.Extensions.Time.Testing;
using Zhonghan.Core.Parsing;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Tests.Parsing;

/// <summary>Dates by purpose, on Tuesday 2026-12-08 10:30 in Shanghai.</summary>
public class DateParserTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 8, 10, 30, 0, TimeSpan.FromHours(8)));

    private DateReading Read(string text, DatePurpose purpose)
    {
        Assert.True(DateParser.TryParse(text, purpose, clock, out var r), text);
        return r;
    }

    private static string Local(ResolvedDate d) =>
        d.DateOnly ? d.LocalDay.ToString("yyyy-MM-dd") : BusinessTime.ToLocal(d.Utc).ToString("yyyy-MM-dd HH:mm");

    [Theory]
    [InlineData("12月7日", "2026-12-07")]
    [InlineData("12月1日", "2026-12-01")]
    [InlineData("12月8日", "2026-12-08")]
    [InlineData("12月9日", "2025-12-09")]
    [InlineData("3月5日", "2026-03-05")]
    [InlineData("7号", "2026-12-07")]
    [InlineData("9号", "2026-11-09")]
    [InlineData("周五", "2026-12-04")]
    [InlineData("周二", "2026-12-08")]
    [InlineData("上周三", "2026-12-02")]
    [InlineData("昨天", "2026-12-07")]
    [InlineData("3天前", "2026-12-05")]
    [InlineData("今天", "2026-12-08")]
    [InlineData("dec 1", "2026-12-01")]
    [InlineData("yesterday", "2026-12-07")]
    public void APastDateIsTheLatestSuchDayNotInTheFuture(string text, string expected)
    {
        var r = Read(text, DatePurpose.Past);
        Assert.False(r.NeedsConfirmation);
        Assert.Equal(expected, Local(r.Date));
    }

    [Theory]
    [InlineData("12月7日", "2027-12-07", "12月7日已经过了，是指明年 12月7日 吗？")]
    [InlineData("十二月一日", "2027-12-01", "12月1日已经过了，是指明年 12月1日 吗？")]
    [InlineData("10月9日", "2027-10-09", "10月9日已经过了，是指明年 10月9日 吗？")] // 60 days ago
    [InlineData("7号", "2027-01-07", "7号已经过了，是指下个月 7号（1月7日）吗？")]
    public void APlanWhoseDayJustPassedAsksInsteadOfMovingAYear(string text, string candidate, string question)
    {
        var r = Read(text, DatePurpose.Plan);
        Assert.True(r.NeedsConfirmation);
        Assert.Equal(question, r.Question);
        Assert.Equal(candidate, Local(r.Date));
        Assert.NotNull(r.QuestionEn);
    }

    [Theory]
    [InlineData("12月8日", "2026-12-08")]
    [InlineData("12月20日", "2026-12-20")]
    [InlineData("3月5日", "2027-03-05")] // passed over 60 days ago: next year is plainly meant
    [InlineData("10月8日", "2027-10-08")] // 61 days ago
    [InlineData("2027-12-07", "2027-12-07")]
    [InlineData("周五", "2026-12-11")]
    [InlineData("周二", "2026-12-08")]
    [InlineData("下周三", "2026-12-16")]
    [InlineData("下礼拜", "2026-12-14")]
    [InlineData("下礼拜三", "2026-12-16")]
    [InlineData("周五前", "2026-12-11")]
    [InlineData("月底前", "2026-12-31")]
    [InlineData("月底", "2026-12-31")]
    [InlineData("下个月", "2027-01-08")]
    [InlineData("过两天", "2026-12-10")]
    [InlineData("过几天", "2026-12-11")]
    [InlineData("三天后", "2026-12-11")]
    [InlineData("十二月二十日", "2026-12-20")]
    [InlineData("tomorrow", "2026-12-09")]
    [InlineData("next wed", "2026-12-16")]
    [InlineData("by friday", "2026-12-11")]
    [InlineData("dec 20", "2026-12-20")]
    [InlineData("周末", "2026-12-12")]
    public void APlanIsTheNextSuchDay(string text, string expected)
    {
        var r = Read(text, DatePurpose.Plan);
        Assert.False(r.NeedsConfirmation, r.Question);
        Assert.True(r.Date.DateOnly);
        Assert.Equal(expected, Local(r.Date));
    }

    [Theory]
    [InlineData("10分钟后", "2026-12-08 10:40")]
    [InlineData("十分钟后", "2026-12-08 10:40")]
    [InlineData("半小时后", "2026-12-08 11:00")]
    [InlineData("1小时后", "2026-12-08 11:30")]
    [InlineData("一个小时后", "2026-12-08 11:30")]
    [InlineData("两个半小时后", "2026-12-08 13:00")]
    [InlineData("1小时30分钟后", "2026-12-08 12:00")]
    [InlineData("in 2 hours", "2026-12-08 12:30")]
    [InlineData("in half an hour", "2026-12-08 11:00")]
    [InlineData("今晚", "2026-12-08 20:00")]
    [InlineData("今晚8点", "2026-12-08 20:00")]
    [InlineData("今晚八点半", "2026-12-08 20:30")]
    [InlineData("下班前", "2026-12-08 18:00")]
    [InlineData("明天下班前", "2026-12-09 18:00")]
    [InlineData("明早", "2026-12-09 09:00")]
    [InlineData("明天上午", "2026-12-09 09:00")]
    [InlineData("明天下午", "2026-12-09 14:00")]
    [InlineData("明天下午3点", "2026-12-09 15:00")]
    [InlineData("下午三点", "2026-12-08 15:00")]
    [InlineData("tonight", "2026-12-08 20:00")]
    [InlineData("eod", "2026-12-08 18:00")]
    [InlineData("tomorrow morning", "2026-12-09 09:00")]
    [InlineData("tomorrow at 3pm", "2026-12-09 15:00")]
    [InlineData("下周三 14:30", "2026-12-16 14:30")]
    public void RelativeTimesHaveATime(string text, string expected)
    {
        var r = Read(text, DatePurpose.Plan);
        Assert.False(r.Date.DateOnly, text);
        Assert.Equal(expected, Local(r.Date));
    }

    [Fact]
    public void APassedMonthDayWithATimeAsksAndKeepsTheTime()
    {
        var r = Read("12月7日 14:00", DatePurpose.Plan);
        Assert.True(r.NeedsConfirmation);
        Assert.Equal("2027-12-07 14:00", Local(r.Date));
        Assert.Equal("2027-12-07 14:00", DateParser.Canonical(r.Date));
        var again = Read(DateParser.Canonical(r.Date), DatePurpose.Plan);
        Assert.False(again.NeedsConfirmation);
        Assert.Equal(r.Date, again.Date);
    }

    [Fact]
    public void TodayDateOnlyIsKeptApartFromATime()
    {
        var r = Read("今天", DatePurpose.Past);
        Assert.True(r.Date.DateOnly);
        var now = clock.GetUtcNow().UtcDateTime;
        Assert.Equal(now, r.Date.HappenedUtc(now)); // today counts as now, not as a noon still ahead
        var earlier = Read("12月7日", DatePurpose.Past).Date.HappenedUtc(now);
        Assert.Equal(new DateTime(2026, 12, 7, 4, 0, 0), earlier); // noon Shanghai
        var withTime = Read("今天 9点", DatePurpose.Past).Date;
        Assert.Equal(withTime.Utc, withTime.HappenedUtc(now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("火星")]
    [InlineData("13月5日")]
    [InlineData("2月30日")]
    [InlineData("25:00")]
    [InlineData("下周八")]
    [InlineData("99999天后")]
    [InlineData("电话沟通")]
    [InlineData("安防摄像头电源")]
    [InlineData("3000分钟后")]
    public void NonsenseIsNotADate(string text)
    {
        Assert.False(DateParser.TryParse(text, DatePurpose.Plan, clock, out _));
        Assert.False(DateParser.TryParse(text, DatePurpose.Past, clock, out _));
    }

    [Fact]
    public void AnExplicitNowWorksWithoutAClock()
    {
        Assert.True(DateParser.TryParse("明天", DatePurpose.Plan, new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.FromHours(8)), out var r));
        Assert.Equal(new DateOnly(2027, 1, 1), r.Date.LocalDay);
    }
}

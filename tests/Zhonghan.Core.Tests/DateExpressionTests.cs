using Microsoft.Extensions.Time.Testing;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Tests;

public class DateExpressionTests
{
    // Thursday 2026-11-26 15:00 in Shanghai.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.FromHours(8)));

    [Theory]
    [InlineData("今天", "2026-11-26")]
    [InlineData("明天", "2026-11-27")]
    [InlineData("tomorrow", "2026-11-27")]
    [InlineData("后天", "2026-11-28")]
    [InlineData("大后天", "2026-11-29")]
    [InlineData("下周三", "2026-12-02")]
    [InlineData("下星期一", "2026-11-30")]
    [InlineData("下下周一", "2026-12-07")]
    [InlineData("周五", "2026-11-27")]
    [InlineData("星期四", "2026-11-26")]
    [InlineData("周三", "2026-12-02")]
    [InlineData("next wed", "2026-12-02")]
    [InlineData("friday", "2026-11-27")]
    [InlineData("3天后", "2026-11-29")]
    [InlineData("三天后", "2026-11-29")]
    [InlineData("两周后", "2026-12-10")]
    [InlineData("in 3 days", "2026-11-29")]
    [InlineData("12月5日", "2026-12-05")]
    [InlineData("十二月五日", "2026-12-05")]
    [InlineData("12月5号", "2026-12-05")]
    [InlineData("12-05", "2026-12-05")]
    [InlineData("12/5", "2026-12-05")]
    [InlineData("2026-12-05", "2026-12-05")]
    [InlineData("2027年1月3日", "2027-01-03")]
    [InlineData("3月1日", "2027-03-01")]
    [InlineData("1-5", "2027-01-05")]
    [InlineData("30号", "2026-11-30")]
    [InlineData("下周", "2026-11-30")]
    [InlineData("下个月", "2026-12-26")]
    public void DatesResolveToTheBusinessDayAtNine(string text, string expected)
    {
        Assert.True(DateExpression.TryParse(text, clock, out var d), text);
        Assert.True(d.DateOnly);
        Assert.Equal(expected, d.LocalDay.ToString("yyyy-MM-dd"));
        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(BusinessTime.ToLocal(d.Utc)));
    }

    [Theory]
    [InlineData("12-05 14:00", "2026-12-05 14:00")]
    [InlineData("2026-12-05 9:30", "2026-12-05 09:30")]
    [InlineData("明天下午3点", "2026-11-27 15:00")]
    [InlineData("明天 下午3点半", "2026-11-27 15:30")]
    [InlineData("周五上午10点", "2026-11-27 10:00")]
    [InlineData("下周三 14:30", "2026-12-02 14:30")]
    [InlineData("16:00", "2026-11-26 16:00")]
    [InlineData("晚上8点", "2026-11-26 20:00")]
    [InlineData("tomorrow 3pm", "2026-11-27 15:00")]
    public void ATimeMakesAnExactDueTime(string text, string expected)
    {
        Assert.True(DateExpression.TryParse(text, clock, out var d), text);
        Assert.False(d.DateOnly);
        Assert.Equal(expected, BusinessTime.ToLocal(d.Utc).ToString("yyyy-MM-dd HH:mm"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("火星")]
    [InlineData("13月5日")]
    [InlineData("2月30日")]
    [InlineData("25:00")]
    [InlineData("下周八")]
    [InlineData("99999天后")]
    public void NonsenseIsNotADate(string text) => Assert.False(DateExpression.TryParse(text, clock, out _));

    [Fact]
    public void DescriptionsNameTheWeekday()
    {
        Assert.True(DateExpression.TryParse("下周三", clock, out var d));
        Assert.Equal("2026-12-02（周三）", d.Describe());
    }
}

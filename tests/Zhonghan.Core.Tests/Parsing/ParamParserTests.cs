using Microsoft.Extensions.Time.Testing;
using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Tests.Parsing;

public class ParamParserTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 8, 10, 30, 0, TimeSpan.FromHours(8)));

    [Fact]
    public void TakingADateUsesTheLongestRunOfWords()
    {
        Assert.True(ParamParser.TryTake(ParamKind.Date, "明天 下午 3点 电话确认", clock, out var v, out var rest));
        Assert.Equal("明天 下午 3点", v.Raw);
        Assert.Equal("2026-12-09 15:00", Zhonghan.Core.Time.BusinessTime.ToLocal(v.Date.Date.Utc).ToString("yyyy-MM-dd HH:mm"));
        Assert.Equal("电话确认", rest);
    }

    [Fact]
    public void TakingFromTheEndLeavesTheFront()
    {
        Assert.True(ParamParser.TryTakeLast(new ParamSpec("amount", ParamKind.Amount), "安防摄像头电源 80万元", clock, out var v, out var rest));
        Assert.Equal(800_000m, v.Money);
        Assert.Equal("安防摄像头电源", rest);
        Assert.True(ParamParser.TryTakeLast(new ParamSpec("amount", ParamKind.Amount), "电源 RMB 800000", clock, out v, out rest));
        Assert.Equal(800_000m, v.Money);
        Assert.Equal("电源", rest);
    }

    [Fact]
    public void AKindThatDoesNotReadTakesNothing()
    {
        Assert.False(ParamParser.TryTake(ParamKind.Amount, "很多钱 明天", clock, out _, out var rest));
        Assert.Equal("很多钱 明天", rest);
        Assert.False(ParamParser.TryTake(ParamKind.Phone, "李工", clock, out _, out _));
    }

    [Fact]
    public void ReadSaysWhatIsWrongInChinese()
    {
        Assert.Contains("没看懂日期“火星”", ParamParser.Read(new ParamSpec("d", ParamKind.Date), "火星", clock).Error);
        Assert.Contains("电话号码“12”不对", ParamParser.Read(new ParamSpec("p", ParamKind.Phone), "12", clock).Error);
        Assert.Equal("13911112222", ParamParser.Read(new ParamSpec("p", ParamKind.Phone), "+86 139-1111-2222", clock).Value.Text);
    }

    [Fact]
    public void EnumsMapWordsToValues()
    {
        var spec = new ParamSpec("kind", ParamKind.Enum) { Choices = new Dictionary<string, string> { ["试产"] = "Trial", ["小批"] = "Trial", ["批量"] = "Bulk", ["bulk"] = "Bulk" } };
        Assert.Equal("Bulk", ParamParser.Read(spec, "BULK", clock).Value.Text);
        Assert.Equal("“量产”不是可选项，请写：试产 / 小批 / 批量 / bulk。", ParamParser.Read(spec, "量产", clock).Error);
    }

    [Fact]
    public void SplitTakesTypedValuesFromBothEndsAndFreeTextFromTheMiddle()
    {
        ParamSpec[] specs = [new("company", ParamKind.Company), new("project", ParamKind.Text), new("amount", ParamKind.Amount, Required: false)];
        var s = ParamParser.Split(specs, "海康 安防摄像头电源 80万元", clock);
        Assert.Equal("海康", s.Raw["company"]);
        Assert.Equal("安防摄像头电源", s.Raw["project"]);
        Assert.Equal(800_000m, s.Values["amount"].Money);

        s = ParamParser.Split(specs, "海康 安防 摄像头 电源", clock);
        Assert.Equal("安防 摄像头 电源", s.Raw["project"]);
        Assert.False(s.Raw.ContainsKey("amount"));
    }

    [Fact]
    public void SplitWithoutFreeTextGoesLeftToRightAndKeepsABadRequiredValueRaw()
    {
        ParamSpec[] specs = [new("company", ParamKind.Company), new("amount", ParamKind.Amount), new("date", ParamKind.Date, Required: false) { Purpose = DatePurpose.Past }];
        var s = ParamParser.Split(specs, "汇芯 100000 12月7日", clock);
        Assert.Equal(100_000m, s.Values["amount"].Money);
        Assert.Equal(new DateOnly(2026, 12, 7), s.Values["date"].Date.Date.LocalDay);
        Assert.Equal("", s.Leftover);

        s = ParamParser.Split(specs, "汇芯 很多 今天", clock);
        Assert.Equal("很多", s.Raw["amount"]);
        Assert.False(s.Values.ContainsKey("amount"));

        s = ParamParser.Split(specs, "汇芯 100000 备注", clock);
        Assert.Equal("备注", s.Leftover);
    }

    [Fact]
    public void QuotedNamesStayWhole()
    {
        var s = ParamParser.Split([new("company", ParamKind.Company), new("note", ParamKind.Text)], "“Acme Power Co., Ltd.” 首次拜访", clock);
        Assert.Equal("Acme Power Co., Ltd.", s.Raw["company"]);
        Assert.Equal("首次拜访", s.Raw["note"]);
    }
}

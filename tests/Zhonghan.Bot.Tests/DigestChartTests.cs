using SkiaSharp;
using Zhonghan.Bot.Reminders;
using Zhonghan.Core.People;
using Zhonghan.Core.Reminders;
using Zhonghan.Core.Sales;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>The digest's charts rendered for real (PNG decoded, pixels counted) and the digest's rows and outcome line.</summary>
public class DigestChartTests : IAsyncLifetime
{
    private ChatHarness bot = null!;

    public async Task InitializeAsync() => bot = await ChatHarness.StartAsync(
        ["Sales:Gates:QuoteNeedsParts=false", "Sales:Gates:SampleNeedsApprovedQuote=false", "Sales:Gates:TestingNeedsShippedSample=false", "Sales:Gates:OrderNeedsPassedTest=false"]);

    public async Task DisposeAsync() => await bot.DisposeAsync();

    private DigestCharts Charts => bot.Get<DigestCharts>();
    private Department East => bot.Get<UserDirectory>().DepartmentByName("华东销售部")!;

    [Fact]
    public void TheFunnelIsHorizontalBarsSizedForAPhoneWithLengthsFollowingTheCounts()
    {
        Assert.Equal("Noto Sans CJK SC", Charts.FontName);
        var rows = new[] { 8, 4, 2, 1, 0 }.Select((n, i) => new FunnelRow(Stages.Pipeline[i], n, 0, 0, null)).ToList();
        using var bitmap = SKBitmap.Decode(Charts.Funnel(rows, Header()));
        Assert.Equal(720, bitmap.Width);
        Assert.Equal(BarChart.HeightFor(5, 1), bitmap.Height);
        var widths = BarLengths(bitmap, DigestCharts.FunnelColor);
        Assert.Equal(4, widths.Count); // top to bottom; the zero bar draws nothing
        Assert.InRange(widths[0] / (double)widths[1], 1.9, 2.1);
        Assert.InRange(widths[1] / (double)widths[2], 1.9, 2.1);
        Assert.InRange(widths[2] / (double)widths[3], 1.8, 2.2);
    }

    [Fact]
    public void SmallCountsRunOnAWholeNumberAxisFromZero()
    {
        using var plot = BarChart.Build("Noto Sans CJK SC", 80, 2, [new BarSeries("计划", SKColors.Gray, [1, 0]), new BarSeries("完成", SKColors.Green, [1, 1])]);
        plot.GetImageBytes(720, 400, ScottPlot.ImageFormat.Png);
        var ticks = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor && t.Position >= plot.Axes.Bottom.Min && t.Position <= plot.Axes.Bottom.Max).ToList();
        Assert.Equal([0.0, 1.0], ticks.Select(t => t.Position));
        Assert.All(ticks, t => Assert.DoesNotContain(".", t.Label));
    }

    [Fact]
    public void ADigestWithNothingToCountSaysTodayHasNoDataInsteadOfDrawingEmptyAxes()
    {
        var zhangsan = bot.Get<UserDirectory>().ByLocalName("zhangsan")!;
        var report = new DigestReport
        {
            Department = East, Weekly = false, From = new DateTime(2026, 11, 29, 16, 0, 0, DateTimeKind.Utc), To = new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc),
            Reps = [new RepDigest(zhangsan, 0, 0, 0, 0, 0, 0m)],
            Funnel = Stages.Pipeline.Select(s => new FunnelRow(s, 0, 0, 0, null)).ToList(),
        };
        var images = Charts.Render(report);
        Assert.Equal(2, images.Count);
        foreach (var image in images)
        {
            using var bitmap = SKBitmap.Decode(image.Png);
            Assert.Equal((720, ChartCanvas.NoDataHeight), (bitmap.Width, bitmap.Height));
            Assert.Equal(0, Count(bitmap, DigestCharts.FunnelColor) + Count(bitmap, DigestCharts.DoneColor) + Count(bitmap, DigestCharts.PlannedColor));
            Assert.True(LongestDarkColumn(bitmap) < 60, "no axis line is drawn");
            Assert.True(Count(bitmap, ChartCanvas.Faint, tolerance: 24) > 500, "the no-data words are written large");
        }
        Assert.Contains("跟进计划完成情况：今日无数据", report.ToText());
        Assert.Equal("今日无数据", DigestCharts.CompletionHeader(report).NoData);
    }

    [Fact]
    public async Task TheCompletionChartNamesDepartmentAndDayAndShowsItsWholeLegendAboveTheBars()
    {
        await bot.SendAsync("zhangsan", "跟进 汇川 电话 下次 今天 15:00");
        bot.Clock.SetUtcNow(TestClock.Shanghai(2026, 12, 1, 8, 40));
        var report = bot.Get<DigestService>().Build(East, weekly: false);
        var header = DigestCharts.CompletionHeader(report);
        Assert.Equal("华东销售部日报 · 跟进计划完成", header.Title);
        Assert.Equal("2026-11-30（周一）", header.Subtitle);

        var png = Charts.Render(report)[1].Png;
        File.WriteAllBytes(Path.Combine(bot.DataDir, "followups.png"), png);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(BarChart.HeightFor(report.Reps.Count, 2), bitmap.Height);
        using var top = new SKBitmap(bitmap.Width, ChartCanvas.HeaderHeight);
        Assert.True(bitmap.ExtractSubset(top, new SKRectI(0, 0, bitmap.Width, ChartCanvas.HeaderHeight)));
        Assert.Equal(400, Count(top, DigestCharts.PlannedColor)); // each legend swatch is a whole 20 × 20 square
        Assert.Equal(400, Count(top, DigestCharts.DoneColor));
        Assert.True(Count(bitmap, DigestCharts.PlannedColor) > 2_000, "the planned bar is drawn");
    }

    [Fact]
    public void TheTeamRowsAreThePeopleWhoSell()
    {
        var report = bot.Get<DigestService>().Build(East, weekly: false);
        Assert.NotEmpty(report.Reps);
        Assert.All(report.Reps, r => Assert.Equal(Role.Rep, r.Rep.Role));
        Assert.DoesNotContain("> 李四：", report.ToText());
    }

    [Fact]
    public async Task TheDigestHasALineForWinsLossesAndPaymentsOfThePeriod()
    {
        await bot.SendAsync("zhangsan", "新建商机 汇川 伺服驱动器");
        Assert.Contains("🎉 商机已赢单", await bot.SendAsync("zhangsan", "下单 伺服 批量 STM32F103C8T6 1000 8"));
        await bot.SendAsync("zhangsan", "新建商机 南瑞 继保电源");
        Assert.Contains("已标记丢单", await bot.SendAsync("zhangsan", "丢单 继保 客户改用国产方案"));
        Assert.Contains("回款 ¥5,000", await bot.SendAsync("zhangsan", "回款 汇川 5000"));
        bot.Clock.SetUtcNow(TestClock.Shanghai(2026, 12, 1, 8, 40));

        var text = bot.Get<DigestService>().Build(East, weekly: false).ToText();
        Assert.Contains("成交 1 个，丢单 1 个，回款 ¥5,000（1 笔）", text);
        Assert.Contains("> 成交：深圳市汇川技术股份有限公司「伺服驱动器」", text);
        Assert.Contains("「继保电源」（客户改用国产方案）", text);
        bot.Clock.SetUtcNow(TestClock.Shanghai(2026, 12, 2, 8, 40));
        Assert.Contains("成交 0 个，丢单 0 个，回款 ¥0（0 笔）", bot.Get<DigestService>().Build(East, weekly: false).ToText());
    }

    private static ChartHeader Header() => new("华东销售部日报 · 销售漏斗", "2026-11-30（周一）", "今日无数据", "");

    /// <summary>Lengths of the horizontal bars of one colour, top to bottom, by scanning rows.</summary>
    private static List<int> BarLengths(SKBitmap bitmap, SKColor color)
    {
        var lengths = new List<int>();
        var inBar = false;
        for (var y = 0; y < bitmap.Height; y++)
        {
            var count = 0;
            for (var x = 0; x < bitmap.Width; x++) if (Near(bitmap.GetPixel(x, y), color, 8)) count++;
            if (count > 2 && !inBar) { lengths.Add(count); inBar = true; }
            else if (count > 2) lengths[^1] = Math.Max(lengths[^1], count);
            else inBar = false;
        }
        return lengths;
    }

    private static int Count(SKBitmap bitmap, SKColor color, int tolerance = 8)
    {
        var n = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++) if (Near(bitmap.GetPixel(x, y), color, tolerance)) n++;
        return n;
    }

    /// <summary>The longest run of dark pixels in any column (an axis line would span the plot).</summary>
    private static int LongestDarkColumn(SKBitmap bitmap)
    {
        var longest = 0;
        for (var x = 0; x < bitmap.Width; x++)
        {
            var run = 0;
            for (var y = 0; y < bitmap.Height; y++)
            {
                var p = bitmap.GetPixel(x, y);
                run = p.Red < 90 && p.Green < 90 && p.Blue < 90 ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
        }
        return longest;
    }

    private static bool Near(SKColor p, SKColor c, int tolerance) =>
        Math.Abs(p.Red - c.Red) < tolerance && Math.Abs(p.Green - c.Green) < tolerance && Math.Abs(p.Blue - c.Blue) < tolerance;
}

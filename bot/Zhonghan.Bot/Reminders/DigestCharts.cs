using ScottPlot;
using SkiaSharp;
using Zhonghan.Core.Reminders;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Reminders;

/// <summary>
/// The digest charts as PNG (ScottPlot): the funnel (open opportunities per stage) and follow-up plan completion per
/// rep (planned vs completed). Chinese text needs a CJK font: the configured one, else the first installed.
/// </summary>
public sealed class DigestCharts(ReminderOptions options) : IDigestCharts
{
    public const int Width = 640, Height = 400;
    private static readonly string[] CjkFonts = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "SimHei"];
    private readonly Lazy<string?> font = new(() => PickFont(options.ChartFont));

    public string? FontName => font.Value;

    public IReadOnlyList<DeliveryImage> Render(DigestReport report) =>
    [
        new() { Name = "funnel.png", Png = Funnel(report.Funnel, $"{report.Department.Name} 销售漏斗") },
        new() { Name = "followups.png", Png = Completion(report.Reps, $"{report.Department.Name} 跟进计划完成情况") },
    ];

    public byte[] Funnel(IReadOnlyList<FunnelRow> rows, string title)
    {
        var plot = NewPlot(title);
        var bars = rows.Select((r, i) => new Bar { Position = i, Value = r.Count, FillColor = Colors.SteelBlue, Label = r.Count.ToString() }).ToList();
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontName = font.Value ?? series.ValueLabelStyle.FontName;
        plot.Axes.Bottom.SetTicks(rows.Select((_, i) => (double)i).ToArray(), rows.Select(r => r.Stage.Chinese()).ToArray());
        plot.Axes.Margins(bottom: 0, top: 0.15);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    public byte[] Completion(IReadOnlyList<RepDigest> reps, string title)
    {
        var plot = NewPlot(title);
        var planned = new List<Bar>();
        var done = new List<Bar>();
        for (var i = 0; i < reps.Count; i++)
        {
            planned.Add(new Bar { Position = i * 3, Value = reps[i].Planned, FillColor = Colors.LightGray });
            done.Add(new Bar { Position = i * 3 + 1, Value = reps[i].Completed, FillColor = Colors.SeaGreen });
        }
        plot.Add.Bars(planned).LegendText = "计划";
        plot.Add.Bars(done).LegendText = "完成";
        plot.ShowLegend(Alignment.UpperRight);
        if (font.Value is { } f) plot.Legend.FontName = f;
        plot.Axes.Bottom.SetTicks(reps.Select((_, i) => i * 3 + 0.5).ToArray(), reps.Select(r => r.Rep.Name).ToArray());
        plot.Axes.Margins(bottom: 0, top: 0.15);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Title(title);
        if (font.Value is { } f) plot.Font.Set(f);
        return plot;
    }

    private static string? PickFont(string? configured)
    {
        var installed = SKFontManager.Default.GetFontFamilies().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(configured) && installed.Contains(configured)) return configured;
        return CjkFonts.FirstOrDefault(installed.Contains)
            ?? installed.FirstOrDefault(f => SKFontManager.Default.MatchFamily(f)?.ContainsGlyphs("跟进") == true);
    }
}

using SkiaSharp;
using Zhonghan.Core.Reminders;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Reminders;

/// <summary>
/// The digest charts as PNG for a phone (720 px wide, 22–30 px text): the funnel (open opportunities per stage) and
/// follow-up plan completion per rep (planned vs completed), the department and period in each title. A chart with
/// nothing to count is a "今日无数据" card, not empty axes. Chinese needs a CJK font: the configured one, else the
/// first installed (Noto Sans CJK from Debian's fonts-noto-cjk on the servers and CI).
/// </summary>
public sealed class DigestCharts(ReminderOptions options) : IDigestCharts
{
    public const int Width = ChartCanvas.Width;
    public static readonly SKColor FunnelColor = new(0x46, 0x82, 0xb4), PlannedColor = new(0x9e, 0xc5, 0xfe), DoneColor = new(0x2e, 0x8b, 0x57);
    private static readonly string[] CjkFonts = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "SimHei"];
    private readonly Lazy<string?> font = new(() => PickFont(options.ChartFont));
    private readonly Lazy<ChartCanvas> canvas = new(() => NewCanvas(PickFont(options.ChartFont)));

    public string? FontName => font.Value;

    public IReadOnlyList<DeliveryImage> Render(DigestReport report) =>
    [
        new() { Name = "funnel.png", Png = Funnel(report.Funnel, FunnelHeader(report)) },
        new() { Name = "followups.png", Png = Completion(report.Reps, CompletionHeader(report)) },
    ];

    public static ChartHeader FunnelHeader(DigestReport r) =>
        new($"{r.Department.Name}{Kind(r)} · 销售漏斗", $"{r.Period} 进行中的商机", NoData(r), "部门暂无进行中的商机");

    public static ChartHeader CompletionHeader(DigestReport r) =>
        new($"{r.Department.Name}{Kind(r)} · 跟进计划完成", r.Period, NoData(r), r.Weekly ? "本周没有到期的跟进计划" : "这一天没有到期的跟进计划");

    public byte[] Funnel(IReadOnlyList<FunnelRow> rows, ChartHeader header) =>
        rows.All(r => r.Count == 0)
            ? canvas.Value.NoData(header)
            : BarChart.Render(canvas.Value, header, rows.Select(r => r.Stage.Chinese()).ToList(),
                [new BarSeries("商机", FunnelColor, rows.Select(r => r.Count).ToList())]);

    public byte[] Completion(IReadOnlyList<RepDigest> reps, ChartHeader header) =>
        reps.All(r => r.Planned == 0 && r.Completed == 0)
            ? canvas.Value.NoData(header)
            : BarChart.Render(canvas.Value, header, reps.Select(r => r.Rep.Name).ToList(),
            [
                new BarSeries("计划", PlannedColor, reps.Select(r => r.Planned).ToList()),
                new BarSeries("完成", DoneColor, reps.Select(r => r.Completed).ToList()),
            ]);

    private static string Kind(DigestReport r) => r.Weekly ? "周报" : "日报";

    private static string NoData(DigestReport r) => r.Weekly ? "本周无数据" : "今日无数据";

    private static ChartCanvas NewCanvas(string? family)
    {
        var regular = family is null ? SKTypeface.Default : SKFontManager.Default.MatchFamily(family) ?? SKTypeface.Default;
        var bold = family is null ? regular : SKFontManager.Default.MatchFamily(family, SKFontStyle.Bold) ?? regular;
        return new ChartCanvas(regular, bold);
    }

    private static string? PickFont(string? configured)
    {
        var installed = SKFontManager.Default.GetFontFamilies().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(configured) && installed.Contains(configured)) return configured;
        return CjkFonts.FirstOrDefault(installed.Contains)
            ?? installed.FirstOrDefault(f => SKFontManager.Default.MatchFamily(f)?.ContainsGlyphs("跟进") == true);
    }
}

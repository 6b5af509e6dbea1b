using ScottPlot;
using SkiaSharp;

namespace Zhonghan.Bot.Reminders;

/// <summary>One series of a bar chart: its name (the legend) and one count per category.</summary>
public sealed record BarSeries(string Name, SKColor Color, IReadOnlyList<int> Values);

/// <summary>
/// Horizontal bars, one group per category (a stage, a rep), categories top to bottom: names read on a narrow phone
/// screen, and counts run on a whole-number axis starting at 0 with the count printed at each bar's end.
/// </summary>
internal static class BarChart
{
    private const double Gap = 0.6;

    public static int HeightFor(int categories, int series) =>
        ChartCanvas.HeaderHeight + Math.Max(220, 80 + categories * (series == 1 ? 64 : 100));

    public static byte[] Render(ChartCanvas canvas, ChartHeader header, IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series)
    {
        using var nameFont = new SKFont(canvas.Regular, 26);
        using var valueFont = new SKFont(canvas.Regular, 24);
        var names = categories.Select(c => c.Length > 8 ? c[..7] + "…" : c).ToList();
        using var plot = Build(canvas.Regular.FamilyName, names.Max(n => nameFont.MeasureText(n)) + 24, categories.Count, series);
        var legend = series.Count > 1 ? series.Select(s => (s.Name, s.Color)).ToList() : [];
        return canvas.Compose(HeightFor(categories.Count, series.Count), header, legend, (sk, area) =>
        {
            plot.Render(sk, new PixelRect(area.Left, area.Right, area.Bottom, area.Top));
            using var ink = ChartCanvas.Paint(ChartCanvas.Ink);
            for (var i = 0; i < names.Count; i++)
            {
                var middle = plot.GetPixel(new Coordinates(0, GroupCenter(i, names.Count, series.Count)));
                ChartCanvas.Centered(sk, names[i], middle.X - 12, middle.Y, SKTextAlign.Right, nameFont, ink);
                for (var s = 0; s < series.Count; s++)
                {
                    var end = plot.GetPixel(new Coordinates(series[s].Values[i], Position(i, s, names.Count, series.Count)));
                    ChartCanvas.Centered(sk, series[s].Values[i].ToString(), end.X + 8, end.Y, SKTextAlign.Left, valueFont, ink);
                }
            }
        });
    }

    /// <summary>The ScottPlot part: bars, the whole-number count axis from 0, no category tick labels (drawn by us).</summary>
    internal static Plot Build(string fontName, float categoryWidth, int categories, IReadOnlyList<BarSeries> series)
    {
        var plot = new Plot();
        plot.Font.Set(fontName);
        for (var s = 0; s < series.Count; s++)
        {
            var bars = series[s].Values.Select((v, i) => new Bar
            {
                Position = Position(i, s, categories, series.Count), Value = v, Size = 0.8, LineWidth = 0,
                FillColor = new Color(series[s].Color.Red, series[s].Color.Green, series[s].Color.Blue),
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.ValueLabelStyle.IsVisible = false;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Left.MinimumSize = categoryWidth;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Bottom.TickLabelStyle.FontSize = 22;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.Right.IsVisible = false;
        plot.Axes.Top.IsVisible = false;
        plot.Grid.YAxisStyle.IsVisible = false;
        var max = series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsX(0, Math.Max(1, max) * 1.15);
        plot.Axes.SetLimitsY(-0.7, (categories - 1) * (series.Count + Gap) + series.Count - 1 + 0.7);
        return plot;
    }

    /// <summary>Category 0 at the top; within a category, series 0 on top.</summary>
    private static double Position(int category, int s, int categories, int seriesCount) =>
        (categories - 1 - category) * (seriesCount + Gap) + (seriesCount - 1 - s);

    private static double GroupCenter(int category, int categories, int seriesCount) =>
        (categories - 1 - category) * (seriesCount + Gap) + (seriesCount - 1) / 2.0;
}

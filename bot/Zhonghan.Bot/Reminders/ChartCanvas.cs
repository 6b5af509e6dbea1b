using SkiaSharp;

namespace Zhonghan.Bot.Reminders;

/// <summary>What a chart says above its bars: the title, the period, and the series' colours (the legend).</summary>
public sealed record ChartHeader(string Title, string Subtitle, string NoData, string NoDataHint);

/// <summary>
/// One chart picture for a phone screen: a header (title, period, legend) drawn with SkiaSharp, then the body. The
/// header, legend and every CJK label are drawn here rather than by ScottPlot, whose CJK text sits too high and whose
/// legend clips it (ScottPlot issue #5213, open); ScottPlot keeps the bars, grid and the number axis.
/// </summary>
internal sealed class ChartCanvas(SKTypeface regular, SKTypeface bold)
{
    public const int Width = 720, HeaderHeight = 104, NoDataHeight = HeaderHeight + 240;
    public static readonly SKColor Ink = new(0x1f, 0x29, 0x37), Muted = new(0x6b, 0x72, 0x80), Faint = new(0x9c, 0xa3, 0xaf);

    public SKTypeface Regular => regular;

    public byte[] Compose(int height, ChartHeader header, IReadOnlyList<(string Name, SKColor Color)> legend, Action<SKCanvas, SKRect> body)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        body(canvas, new SKRect(16, HeaderHeight, Width - 28, height - 8));
        using (var white = new SKPaint { Color = SKColors.White }) canvas.DrawRect(0, 0, Width, HeaderHeight, white);
        using var titleFont = new SKFont(bold, 30);
        using var subFont = new SKFont(regular, 22);
        using var ink = Paint(Ink);
        using var muted = Paint(Muted);
        canvas.DrawText(header.Title, 24, 46, SKTextAlign.Left, titleFont, ink);
        canvas.DrawText(header.Subtitle, 24, 84, SKTextAlign.Left, subFont, muted);
        var x = Width - 24f;
        foreach (var (name, color) in legend.Reverse())
        {
            x -= subFont.MeasureText(name);
            canvas.DrawText(name, x, 84, SKTextAlign.Left, subFont, ink);
            using var swatch = Paint(color);
            canvas.DrawRect(MathF.Round(x - 28), 65, 20, 20, swatch);
            x -= 28 + 20;
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Nothing to draw: the header and a plain "今日无数据" instead of empty axes.</summary>
    public byte[] NoData(ChartHeader header) => Compose(NoDataHeight, header, [], (canvas, area) =>
    {
        using var big = new SKFont(regular, 40);
        using var small = new SKFont(regular, 22);
        using var faint = Paint(Faint);
        canvas.DrawText(header.NoData, Width / 2f, area.Top + 110, SKTextAlign.Center, big, faint);
        canvas.DrawText(header.NoDataHint, Width / 2f, area.Top + 156, SKTextAlign.Center, small, faint);
    });

    /// <summary>Draws text whose glyphs are vertically centred on <paramref name="centerY"/> (CJK glyphs, not the font's ascent).</summary>
    public static void Centered(SKCanvas canvas, string text, float x, float centerY, SKTextAlign align, SKFont font, SKPaint paint)
    {
        font.MeasureText(text, out var bounds);
        canvas.DrawText(text, x, centerY - (bounds.Top + bounds.Bottom) / 2, align, font, paint);
    }

    public static SKPaint Paint(SKColor color) => new() { Color = color, IsAntialias = true };
}

using Microsoft.Extensions.Time.Testing;

namespace Zhonghan.Testing;

public static class TestClock
{
    /// <summary>Monday 2026-11-30 09:30 in Shanghai (01:30 UTC): a working morning.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 30, 1, 30, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create(DateTimeOffset? start = null) => new(start ?? MondayMorning);

    /// <summary>A Shanghai local time as a UTC offset instant.</summary>
    public static DateTimeOffset Shanghai(int y, int mo, int d, int h = 9, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(8));
}

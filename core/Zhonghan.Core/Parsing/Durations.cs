using Pidgin;
using static Pidgin.Parser;

namespace Zhonghan.Core.Parsing;

/// <summary>
/// "From now" spans under a day: 10分钟后, 半小时后, 1小时后, 两个半小时后, 1小时30分钟后, in 2 hours, in half an hour,
/// 30 min later. Whole days (3天后) are dates, not spans, and are read by <see cref="DayWords"/>.
/// </summary>
public static class Durations
{
    private static readonly Parser<char, Unit> Ws = SkipWhitespaces;

    private static Parser<char, string> Words(params string[] words) =>
        OneOf(words.OrderByDescending(w => w.Length).Select(w => Try(CIString(w))));

    private static readonly Parser<char, string> HourWord = Words("个小时", "小时", "个钟头", "钟头", "个钟");
    private static readonly Parser<char, string> MinuteWord = Words("分钟", "分");

    // 2小时, 2个半小时, 1.5小时
    private static readonly Parser<char, TimeSpan> Hours =
        Numerals.Number.Then(Try(Words("个半", "半")).Optional(), (n, half) => n + (half.HasValue ? 0.5m : 0))
            .Before(Ws).Before(Try(HourWord).Or(Words("个").Then(HourWord)))
            .Select(h => TimeSpan.FromMinutes((double)(h * 60)));

    private static readonly Parser<char, TimeSpan> HalfHour = Words("半个", "半").Then(Words("小时", "钟头", "钟")).ThenReturn(TimeSpan.FromMinutes(30));

    private static readonly Parser<char, TimeSpan> Minutes =
        Numerals.Number.Before(Ws).Before(MinuteWord).Select(m => TimeSpan.FromMinutes((double)m));

    private static readonly Parser<char, TimeSpan> Chinese =
        OneOf(Try(HalfHour), Try(Hours.Then(Try(Ws.Then(Minutes)).Optional(), (h, m) => h + (m.HasValue ? m.Value : TimeSpan.Zero))), Try(Minutes))
            .Before(Ws).Before(Words("以后", "之后", "后"));

    private static readonly Parser<char, decimal> EnglishCount =
        OneOf(Try(Words("half an", "half a")).ThenReturn(0.5m), Try(Words("an", "a")).ThenReturn(1m), Numerals.Arabic);

    private static readonly Parser<char, TimeSpan> EnglishSpan =
        EnglishCount.Before(Ws).Then(OneOf(
            Try(Words("hours", "hour", "hrs", "hr", "h")).ThenReturn(60m),
            Try(Words("minutes", "minute", "mins", "min", "m")).ThenReturn(1m)),
            (n, perUnit) => TimeSpan.FromMinutes((double)(n * perUnit)));

    private static readonly Parser<char, TimeSpan> English = OneOf(
        Try(Words("in").Then(Ws).Then(EnglishSpan)),
        Try(EnglishSpan.Before(Ws).Before(Words("later", "from now"))));

    private static readonly Parser<char, TimeSpan> Grammar = Ws.Then(Chinese.Or(English)).Before(Ws).Before(Parser<char>.End);

    private static readonly char[] UnitChars = ['分', '时', '钟'];

    /// <summary>A span from now, between one minute and a day.</summary>
    public static bool TryParse(string text, out TimeSpan span)
    {
        span = default;
        var t = text.Trim().ToLowerInvariant();
        // Most dates are no span: skip the grammar (the larger part of a date's reading time) when no unit is there.
        if (t.IndexOfAny(UnitChars) < 0 && !t.Contains('h') && !t.Contains('m')) return false;
        var r = Grammar.Parse(t);
        span = r.Success ? r.Value : default;
        return r.Success && span >= TimeSpan.FromMinutes(1) && span <= TimeSpan.FromDays(1);
    }
}

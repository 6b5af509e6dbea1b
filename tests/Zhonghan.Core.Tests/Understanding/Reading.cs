using Microsoft.Extensions.Time.Testing;
using Zhonghan.Core.Time;
using Zhonghan.Core.Understanding;

namespace Zhonghan.Core.Tests.Understanding;

/// <summary>Reads messages on Tuesday 2026-12-08 10:30 in Shanghai (the evaluation set's clock).</summary>
public abstract class Reading
{
    protected readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 8, 10, 30, 0, TimeSpan.FromHours(8)));

    protected Meaning Read(string text) => MessageReader.Read(text, Clock);

    protected static string? Day(DateMention? d) => d is null ? null
        : d.Reading.Date.DateOnly ? d.Reading.Date.LocalDay.ToString("yyyy-MM-dd") : BusinessTime.ToLocal(d.Reading.Date.Utc).ToString("yyyy-MM-dd HH:mm");
}

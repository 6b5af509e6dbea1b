using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Zhonghan.Core.Conversations;

/// <summary>
/// At most one log line per reason per minute: a flood of refused requests (22,000 of them wrote 14.8 MB) becomes a
/// line a minute with a count. Reasons are grouped with their numbers taken out ("body of 70000 bytes" → "body of # bytes").
/// </summary>
public sealed partial class LogThrottle(TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private const int MaxReasons = 1000;
    private readonly ConcurrentDictionary<string, Window> windows = new();

    private sealed class Window(DateTimeOffset loggedAt)
    {
        public DateTimeOffset LoggedAt = loggedAt;
        public int Suppressed;
    }

    /// <summary>True when a line for <paramref name="reason"/> should be written now; <paramref name="suppressed"/> is how
    /// many were left out since the last one.</summary>
    public bool ShouldLog(string reason, out int suppressed)
    {
        var key = Digits().Replace(reason, "#");
        var now = clock.GetUtcNow();
        if (windows.Count > MaxReasons) windows.Clear(); // reasons come from outside: the table must not grow without end
        var window = windows.GetOrAdd(key, _ => new Window(DateTimeOffset.MinValue));
        lock (window)
        {
            if (now - window.LoggedAt < Interval)
            {
                window.Suppressed++;
                suppressed = 0;
                return false;
            }
            suppressed = window.Suppressed;
            window.Suppressed = 0;
            window.LoggedAt = now;
            return true;
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}

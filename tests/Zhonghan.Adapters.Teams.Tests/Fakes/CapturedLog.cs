using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Zhonghan.Adapters.Teams.Tests.Fakes;

/// <summary>
/// The bot's log lines, kept in memory for assertions. The bot's own Serilog setup writes through the process-wide
/// static logger, which the other bots of a parallel test run replace; this sink belongs to one bot only.
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Format = new("[{Level}] {Message:lj}");
    private readonly ConcurrentQueue<string> lines = new();

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter();
        Format.Format(logEvent, text);
        lines.Enqueue(text.ToString());
    }

    public string Text => string.Join("\n", lines);
}

using Serilog;
using Serilog.Events;

namespace Zhonghan.Bot.Hosting;

public static class BotConfiguration
{
    /// <summary>Turns the short switches into settings: <c>--data DIR</c> → <c>Zhonghan:DataDir</c>.</summary>
    public static string[] TranslateArgs(string[] args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--data" && i + 1 < args.Length) { result.Add($"--{BotOptions.Section}:DataDir={args[++i]}"); continue; }
            if (args[i].StartsWith("--data=", StringComparison.Ordinal)) { result.Add($"--{BotOptions.Section}:DataDir={args[i][7..]}"); continue; }
            result.Add(args[i]);
        }
        return result.ToArray();
    }

    /// <summary>
    /// The settings among a CLI verb's arguments (<c>--data DIR</c>, <c>--Section:Key=value</c>,
    /// <c>--Section:Key value</c>); the verb's own words and options are left out, so a file path such as
    /// <c>/tmp/leads.csv</c> is never read as a setting switch.
    /// </summary>
    public static string[] SettingsOnly(string[] args)
    {
        var result = new List<string>();
        var translated = TranslateArgs(args);
        for (var i = 0; i < translated.Length; i++)
        {
            var a = translated[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || !a.Contains(':')) continue;
            if (a.Contains('=')) { result.Add(a); continue; }
            if (i + 1 < translated.Length) result.Add($"{a}={translated[++i]}");
        }
        return result.ToArray();
    }

    public static string DataDir(IConfiguration config) =>
        Path.GetFullPath(config[$"{BotOptions.Section}:DataDir"] is { Length: > 0 } d ? d : new BotOptions().DataDir);

    /// <summary>Default cap of one log file (<c>Zhonghan:LogFileSizeLimitBytes</c>): 20 MB, then the next file begins.</summary>
    public const long DefaultLogFileSizeLimitBytes = 20L * 1024 * 1024;

    /// <summary>
    /// Serilog: settings from "Serilog" if any, the console, and a rolling file under the data folder: a new file each
    /// day and each time one reaches the size cap, the last 30 kept (so the logs never take more than 30 × the cap).
    /// </summary>
    public static void ConfigureLogging(LoggerConfiguration lc, IConfiguration config, string dataDir)
    {
        lc.MinimumLevel.Information()
          .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
          .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Warning)
          .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
          .MinimumLevel.Override("Polly", LogEventLevel.Warning)
          .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
          .ReadFrom.Configuration(config)
          .Enrich.FromLogContext()
          .WriteTo.File(Path.Combine(dataDir, "logs", "bot-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30,
                        fileSizeLimitBytes: config.GetValue($"{BotOptions.Section}:LogFileSizeLimitBytes", DefaultLogFileSizeLimitBytes),
                        rollOnFileSizeLimit: true,
                        outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {TurnId} {Message:lj}{NewLine}{Exception}");
        if (config.GetValue("Zhonghan:ConsoleLog", true))
            lc.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
    }
}

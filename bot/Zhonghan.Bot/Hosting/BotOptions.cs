namespace Zhonghan.Bot.Hosting;

/// <summary>The "Zhonghan" settings section.</summary>
public sealed class BotOptions
{
    public const string Section = "Zhonghan";
    /// <summary>Folder for the LiteDB file and the logs (relative to the working directory). `--data DIR` sets it.</summary>
    public string DataDir { get; set; } = "data";
    /// <summary>Seed the demo users and customers when no database file existed before the start.</summary>
    public bool SeedDemoData { get; set; } = true;
    /// <summary>How much of the database is read at start (Auto: all of it up to 256 MB).</summary>
    public StartupCheck StartupCheck { get; set; } = StartupCheck.Auto;
}

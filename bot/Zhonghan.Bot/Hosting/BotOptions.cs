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

/// <summary>The "LocalChat" settings section: the trusting local channel (web page, /api/chat, terminal).</summary>
public sealed class LocalChatOptions
{
    public const string Section = "LocalChat";
    /// <summary>Forces the local channel on when the bot listens beyond loopback (then <see cref="Key"/> is required).</summary>
    public bool Enabled { get; set; }
    /// <summary>Shared key every request must carry (header X-LocalChat-Key or ?key=) when not on loopback.</summary>
    public string? Key { get; set; }
}

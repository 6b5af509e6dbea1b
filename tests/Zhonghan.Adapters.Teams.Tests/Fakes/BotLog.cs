namespace Zhonghan.Adapters.Teams.Tests.Fakes;

/// <summary>The bot's own log file (Serilog writes it under the data folder), read while the bot runs.</summary>
public static class BotLog
{
    public static string Read(string dataDir)
    {
        var folder = Path.Combine(dataDir, "logs");
        if (!Directory.Exists(folder)) return "";
        return string.Concat(Directory.GetFiles(folder, "*.log").Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd();
        }));
    }
}

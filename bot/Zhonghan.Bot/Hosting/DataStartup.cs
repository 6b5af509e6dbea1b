using Zhonghan.Storage.LiteDb;
using Zhonghan.Core.Storage;

namespace Zhonghan.Bot.Hosting;

/// <summary>The bot refuses to start, for a reason given in one line (printed on stderr; exit code 2).</summary>
public sealed class StartRefusedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>How much of the database is read at start (<c>Zhonghan:StartupCheck</c>).</summary>
public enum StartupCheck
{
    /// <summary>Full read-through for files up to <see cref="DataStartup.FullCheckMaxBytes"/>, the quick check above.</summary>
    Auto,
    Full,
    Quick,
}

/// <summary>
/// Before any service starts: take the data folder (a second process is refused) and check the database file that is
/// there. A damaged file stops the start with one line that names the file and the way out.
/// </summary>
public static class DataStartup
{
    /// <summary>256 MB: a full read of 324 MB took 10 s on the 2-core VM (docs/BENCHMARKS.md); larger files get the quick check.</summary>
    public const long FullCheckMaxBytes = 256L * 1024 * 1024;

    public static DataFolder Open(IConfiguration config)
    {
        var dir = BotConfiguration.DataDir(config);
        DataFolder folder;
        try { folder = DataFolder.Acquire(dir); }
        catch (DataFolderBusyException e) { throw new StartRefusedException("❌ " + e.Message + " 请先停止它，或用 --data 指定另一个数据目录。/ Stop it first, or use --data.", e); }
        // The file check is LiteDB's: with PostgreSQL the folder holds only logs, the knowledge index and uploads.
        if (!folder.DatabaseExisted || StoreSelection.From(config).IsPostgreSql) return folder;
        var mode = config.GetValue($"{BotOptions.Section}:StartupCheck", StartupCheck.Auto);
        var depth = mode == StartupCheck.Quick || (mode == StartupCheck.Auto && new FileInfo(folder.DatabaseFile).Length > FullCheckMaxBytes)
            ? DbCheckDepth.Quick : DbCheckDepth.Full;
        var report = DbMaintenance.Check(folder.DatabaseFile, depth);
        if (report.Healthy) return folder;
        folder.Dispose();
        throw new StartRefusedException(DamagedLine(report));
    }

    /// <summary>
    /// With <c>Zhonghan:Store=PostgreSql</c>: the engine opened and its schema created or migrated, before anything
    /// else starts (null for LiteDB, opened later in the folder). A refusal frees the folder.
    /// </summary>
    public static StartedStore? OpenStore(IConfiguration config, DataFolder folder)
    {
        try { return StartedStore.Open(config); }
        catch (StartRefusedException)
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>The one line for a damaged file: what is wrong and the way out.</summary>
    public static string DamagedLine(DbCheckReport report) =>
        OneLine($"❌ 数据库文件 {report.File} 已损坏：{string.Join("; ", report.Problems)}。" +
                "机器人没有启动。请用 `db restore <备份文件>` 从备份恢复（每日自动备份在数据目录的 backups/ 下），或用 `db repair` 修复后再恢复。" +
                $" / The database file {report.File} is damaged; the bot did not start. Restore a backup with `db restore FILE`, or run `db repair`.");

    public static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ");
}

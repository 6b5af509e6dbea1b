using Microsoft.Extensions.Options;
using Zhonghan.Core.Storage;

namespace Zhonghan.Bot.Hosting;

/// <summary>The "Backup" settings section.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";
    /// <summary>How many daily backups DATA/backups/ keeps (the oldest go first); 0 = no automatic backups.</summary>
    public int Keep { get; set; } = 7;
}

/// <summary>
/// Backups of the running bot's database: the daily one into DATA/backups/ (keeping the last <c>Backup:Keep</c>), and
/// one into any folder on request (the CLI's <c>db backup DIR</c> while the bot runs). One at a time, and never during
/// the background checkpoint (the copy relies on the data file not changing while it is read).
/// </summary>
public sealed class DbBackups(CrmDb db, DataFolder folder, IOptions<BackupOptions> options, TimeProvider clock, ILogger<DbBackups> log)
{
    public const string FolderName = "backups";
    private readonly SemaphoreSlim gate = new(1, 1);

    public string BackupDir => Path.Combine(folder.Path, FolderName);

    /// <summary>Runs <paramref name="work"/> while no backup copies the file (the background checkpoint uses it).</summary>
    public async Task<T> ExclusiveAsync<T>(Func<T> work, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try { return work(); }
        finally { gate.Release(); }
    }

    public Task<string> BackupToAsync(string dir, CancellationToken ct) =>
        ExclusiveAsync(() =>
        {
            var file = DbMaintenance.Backup(db.Database, folder.DatabaseFile, Path.GetFullPath(dir), clock.GetUtcNow());
            log.LogInformation("数据库已备份到 {File}", file);
            return file;
        }, ct);

    /// <summary>The daily backup: a new copy in DATA/backups/, then only the newest <c>Backup:Keep</c> stay.</summary>
    public async Task<string?> DailyAsync(CancellationToken ct)
    {
        var keep = options.Value.Keep;
        if (keep <= 0) return null;
        var file = await BackupToAsync(BackupDir, ct);
        var stem = Path.GetFileNameWithoutExtension(CrmDb.FileName) + "-";
        var old = Directory.GetFiles(BackupDir, stem + "*" + Path.GetExtension(CrmDb.FileName))
            .Order(StringComparer.Ordinal).SkipLast(keep).ToList();
        foreach (var f in old) File.Delete(f);
        if (old.Count > 0) log.LogInformation("删除了 {Count} 个较早的自动备份（保留 {Keep} 个）", old.Count, keep);
        return file;
    }
}

using Microsoft.Extensions.Options;
using Zhonghan.Storage;
using Zhonghan.Storage.LiteDb;

namespace Zhonghan.Bot.Hosting;

/// <summary>The "Backup" settings section.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";
    /// <summary>How many daily backups DATA/backups/ keeps (the oldest go first); 0 = no automatic backups.</summary>
    public int Keep { get; set; } = 7;
}

/// <summary>
/// Backups of the running bot's LiteDB file (with PostgreSQL, backups are <c>pg_dump</c>'s, see docs/scale-out.md): the daily one into DATA/backups/ (keeping the last <c>Backup:Keep</c>), and
/// one into any folder on request (the CLI's <c>db backup DIR</c> while the bot runs). One at a time; the committer's
/// checkpoint waits while a copy is read (the copy relies on the data file not changing meanwhile).
/// </summary>
public sealed class DbBackups(DocumentStore store, DataFolder folder, IOptions<BackupOptions> options, TimeProvider clock, ILogger<DbBackups> log)
{
    public const string FolderName = "backups";
    private readonly SemaphoreSlim gate = new(1, 1);

    public string BackupDir => Path.Combine(folder.Path, FolderName);

    private async Task<T> ExclusiveAsync<T>(Func<T> work, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try { return work(); }
        finally { gate.Release(); }
    }

    public Task<string> BackupToAsync(string dir, CancellationToken ct) =>
        ExclusiveAsync(() =>
        {
            var engine = store.Engine as LiteDbEngine ?? throw new InvalidOperationException($"{store.Engine.Name} 的备份请用它自己的工具（PostgreSQL：pg_dump）。");
            var file = engine.BackupTo(Path.GetFullPath(dir), clock.GetUtcNow());
            log.LogInformation("数据库已备份到 {File}", file);
            return file;
        }, ct);

    /// <summary>The daily backup: a new copy in DATA/backups/, then only the newest <c>Backup:Keep</c> stay.</summary>
    public async Task<string?> DailyAsync(CancellationToken ct)
    {
        var keep = options.Value.Keep;
        if (keep <= 0) return null;
        if (store.Engine is not LiteDbEngine)
        {
            log.LogInformation("自动备份只针对 LiteDB 文件；{Engine} 请用 pg_dump 备份（docs/scale-out.md）。", store.Engine.Name);
            return null;
        }
        var file = await BackupToAsync(BackupDir, ct);
        var stem = Path.GetFileNameWithoutExtension(LiteDbEngine.FileName) + "-";
        var old = Directory.GetFiles(BackupDir, stem + "*" + Path.GetExtension(LiteDbEngine.FileName))
            .Order(StringComparer.Ordinal).SkipLast(keep).ToList();
        foreach (var f in old) File.Delete(f);
        if (old.Count > 0) log.LogInformation("删除了 {Count} 个较早的自动备份（保留 {Keep} 个）", old.Count, keep);
        return file;
    }
}

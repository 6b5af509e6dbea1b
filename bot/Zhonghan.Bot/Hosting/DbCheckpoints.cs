using Zhonghan.Core.Storage;

namespace Zhonghan.Bot.Hosting;

/// <summary>
/// Checkpoints the database every 30 seconds in the background, so the write-ahead log stays short and no turn
/// pays for a large checkpoint (LiteDB's own, at <see cref="CrmDb.CheckpointPages"/>, remains as a backstop).
/// Never while a backup copies the file.
/// </summary>
public sealed class DbCheckpoints(CrmDb db, DbBackups backups, ILogger<DbCheckpoints> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        // Real time on purpose: this is I/O housekeeping, not business time.
        using var timer = new PeriodicTimer(Every, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try { await backups.ExclusiveAsync(() => { db.Database.Checkpoint(); return 0; }, ct); }
            catch (Exception e) when (e is LiteDB.LiteException or IOException) { log.LogWarning(e, "Background checkpoint failed"); }
        }
    }
}

using LiteDB;

namespace Zhonghan.Storage.LiteDb;

/// <summary>Backup and restore of the LiteDB data file.</summary>
internal static class DbCopy
{
    public static string Backup(LiteDatabase db, string dataFile, string targetDir, DateTimeOffset now)
    {
        Directory.CreateDirectory(targetDir);
        var stem = Path.GetFileNameWithoutExtension(dataFile) + "-" + DbMaintenance.Stamp(now);
        var target = DbMaintenance.FreeName(targetDir, stem, Path.GetExtension(dataFile));
        var partial = target + ".partial";
        // After a checkpoint the data file holds every commit; new commits go to the log file only, and no checkpoint
        // can start while this thread holds a transaction (LiteDB's checkpoint needs the exclusive lock). So the copy is
        // the database as of the checkpoint, whatever turns run meanwhile.
        db.Checkpoint();
        var own = db.BeginTrans();
        try
        {
            using var source = new FileStream(dataFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            source.CopyTo(copy);
            copy.Flush(flushToDisk: true);
        }
        finally
        {
            if (own) db.Rollback();
        }
        var check = DbCheck.Run(partial, DbCheckDepth.Full);
        if (!check.Healthy)
        {
            File.Delete(partial);
            throw new IOException($"备份副本没有通过检查 / the copy failed its check: {string.Join("; ", check.Problems)}");
        }
        File.Move(partial, target);
        return target;
    }

    public static string? Restore(string dataFile, string backupFile, DateTimeOffset now)
    {
        var check = DbCheck.Run(backupFile, DbCheckDepth.Full);
        if (!check.Healthy)
            throw new IOException($"{backupFile} 不是完好的数据库文件 / is not a sound database file: {string.Join("; ", check.Problems)}");
        var dir = Path.GetDirectoryName(Path.GetFullPath(dataFile))!;
        string? aside = null;
        var log = DbMaintenance.LogFileOf(dataFile);
        if (File.Exists(dataFile))
        {
            aside = DbMaintenance.FreeName(dir, Path.GetFileName(dataFile) + ".before-restore-" + DbMaintenance.Stamp(now), "");
            File.Move(dataFile, aside);
        }
        // A log file left by the replaced database would be replayed into the restored one: it goes aside with it.
        if (File.Exists(log)) File.Move(log, DbMaintenance.FreeName(dir, Path.GetFileName(aside ?? dataFile) + "-log", ""));
        File.Copy(backupFile, dataFile);
        return aside;
    }
}

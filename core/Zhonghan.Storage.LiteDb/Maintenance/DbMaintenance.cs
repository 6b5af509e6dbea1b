namespace Zhonghan.Storage.LiteDb;

/// <summary>How far a check reads: every document and index entry, or the ends of each collection and index.</summary>
public enum DbCheckDepth { Full, Quick }

/// <summary>What a check found. Healthy when nothing is wrong.</summary>
public sealed record DbCheckReport(string File, IReadOnlyList<string> Problems, IReadOnlyDictionary<string, long> Documents)
{
    public bool Healthy => Problems.Count == 0;
}

/// <summary>What a repair wrote and what it could not read.</summary>
public sealed record DbRepairReport(string? RepairedFile, IReadOnlyDictionary<string, long> Documents, IReadOnlyList<string> Lost)
{
    public bool Written => RepairedFile is not null;
}

/// <summary>
/// Maintenance of the LiteDB data file: check, backup, restore, repair. The small surface the bot and the CLI use;
/// everything LiteDB-specific stays behind it (DbCheck, DbCopy, DbRepair), so it moves with the storage.
/// </summary>
public static class DbMaintenance
{
    /// <summary>Reads the file through: header, length, every collection, every index. Never changes the file.</summary>
    public static DbCheckReport Check(string file, DbCheckDepth depth = DbCheckDepth.Full) => DbCheck.Run(file, depth);

    /// <summary>
    /// A consistent copy of an open database into <paramref name="targetDir"/>, named with the time; verified before
    /// it gets its final name. Returns the copy's path.
    /// </summary>
    public static string Backup(LiteDB.LiteDatabase db, string dataFile, string targetDir, DateTimeOffset now) =>
        DbCopy.Backup(db, dataFile, targetDir, now);

    /// <summary>
    /// Puts <paramref name="backupFile"/> in place of <paramref name="dataFile"/> (the database must be closed). The
    /// current file is kept aside under a new name, never overwritten; returns that name (null when there was none).
    /// </summary>
    public static string? Restore(string dataFile, string backupFile, DateTimeOffset now) => DbCopy.Restore(dataFile, backupFile, now);

    /// <summary>LiteDB's rebuild of a damaged file into a new file next to it; the damaged file stays as it is.</summary>
    public static DbRepairReport Repair(string dataFile, DateTimeOffset now) => DbRepair.Run(dataFile, now);

    /// <summary>LiteDB's write-ahead log next to the data file ("zhonghan-log.db").</summary>
    public static string LogFileOf(string dataFile) =>
        Path.Combine(Path.GetDirectoryName(dataFile) ?? "", Path.GetFileNameWithoutExtension(dataFile) + "-log" + Path.GetExtension(dataFile));

    /// <summary>"20261208-023000" in business time (Asia/Shanghai): file names operators read.</summary>
    internal static string Stamp(DateTimeOffset now) =>
        TimeZoneInfo.ConvertTime(now, Zhonghan.Core.Time.BusinessTime.Zone).ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A path that does not exist yet: <paramref name="stem"/> + extension, else with -2, -3 …</summary>
    internal static string FreeName(string dir, string stem, string extension)
    {
        var path = Path.Combine(dir, stem + extension);
        for (var n = 2; File.Exists(path); n++) path = Path.Combine(dir, $"{stem}-{n}{extension}");
        return path;
    }
}

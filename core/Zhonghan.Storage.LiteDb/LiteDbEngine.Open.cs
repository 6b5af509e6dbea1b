using System.Globalization;
using LiteDB;
using LiteDB.Engine;

namespace Zhonghan.Storage.LiteDb;

public sealed partial class LiteDbEngine
{
    public const string FileName = "zhonghan.db";
    /// <summary>LiteDB copies its log into the data file every so many pages (default 1,000): a larger log, and checkpoints when idle, keep turns even.</summary>
    private const int CheckpointPages = 10_000;

    /// <summary>Ordinal string order for every index: key ranges ("owner|date") compare as written.</summary>
    private static readonly Collation OrdinalCollation = new(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal);

    /// <summary>
    /// Opens (or creates) <see cref="FileName"/> in <paramref name="dataDir"/>, holding a lock file for as long as it is
    /// open: LiteDB's direct mode is not safe for two processes, so a second bot or CLI run on the same folder is
    /// refused (<see cref="DataFolderInUseException"/>) instead of corrupting the file.
    /// </summary>
    public static LiteDbEngine OpenFolder(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        var lockFile = FolderLock.Take(dataDir);
        try
        {
            return OpenFile(Path.Combine(dataDir, FileName), lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    public static LiteDbEngine OpenFile(string path, IDisposable? owned = null)
    {
        var mapper = NewMapper();
        var cs = new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Collation = OrdinalCollation };
        return Configure(new LiteDbEngine(new LiteDatabase(cs, mapper), mapper, owned, Path.GetFullPath(path)));
    }

    /// <summary>A database on a stream (tests). The stream stays owned by the caller.</summary>
    public static LiteDbEngine OpenStream(Stream stream)
    {
        var mapper = NewMapper();
        var engine = new LiteEngine(new EngineSettings { DataStream = stream, Collation = OrdinalCollation });
        return Configure(new LiteDbEngine(new LiteDatabase(engine, mapper, disposeOnClose: true), mapper));
    }

    private static LiteDbEngine Configure(LiteDbEngine engine)
    {
        if (engine.db.CheckpointSize < CheckpointPages) engine.db.CheckpointSize = CheckpointPages;
        return engine;
    }

    private static BsonMapper NewMapper() => new()
    {
        EmptyStringToNull = false,
        TrimWhitespace = false,
        EnumAsInteger = false,
    };
}

/// <summary>Another process (a running bot, a CLI verb) has the data folder open.</summary>
public sealed class DataFolderInUseException(string folder, Exception inner)
    : IOException($"数据目录 {folder} 正被另一个众韩机器人进程使用。", inner)
{
    public string Folder { get; } = folder;
}

internal static class FolderLock
{
    public static FileStream Take(string dataDir)
    {
        try
        {
            return new FileStream(Path.Combine(dataDir, LiteDbEngine.FileName + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new DataFolderInUseException(Path.GetFullPath(dataDir), e);
        }
    }
}

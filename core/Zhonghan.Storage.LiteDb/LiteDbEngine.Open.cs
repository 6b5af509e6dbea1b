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
    /// Opens (or creates) <see cref="FileName"/> in <paramref name="dataDir"/>, holding the folder's lock for as long as
    /// it is open (see <see cref="DataFolder"/>): a second process on the same folder is refused.
    /// </summary>
    public static LiteDbEngine OpenFolder(string dataDir)
    {
        var folder = DataFolder.Acquire(dataDir);
        try
        {
            return OpenFile(folder.DatabaseFile, folder);
        }
        catch
        {
            folder.Dispose();
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


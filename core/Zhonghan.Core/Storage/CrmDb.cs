using LiteDB;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Core.Storage;

/// <summary>
/// The one LiteDB database of the app (one per data file, a singleton for the app's life). Collections and their
/// indexes are declared here; every query the bot runs per message has an index. LiteDB is synchronous and
/// thread-safe in direct mode, so stores call it directly behind their own methods.
/// </summary>
public sealed class CrmDb : IDisposable
{
    public const string FileName = "zhonghan.db";
    public const int CheckpointPages = 10_000;

    public LiteDatabase Database { get; }
    public BsonMapper Mapper { get; }

    public ILiteCollection<Customer> Customers { get; }
    public ILiteCollection<FollowUp> FollowUps { get; }
    public ILiteCollection<User> Users { get; }
    public ILiteCollection<Department> Departments { get; }
    public ILiteCollection<AuditEntry> Audit { get; }
    /// <summary>Small named counters (daily claim counts, sequences).</summary>
    public ILiteCollection<Counter> Counters { get; }

    private CrmDb(LiteDatabase database, BsonMapper mapper)
    {
        Database = database;
        Mapper = mapper;
        Database.UtcDate = true;
        // LiteDB copies its write-ahead log into the data file every CheckpointSize pages (default 1000, i.e. every
        // few dozen turns), stalling that turn; a larger log plus a background checkpoint keeps turns even.
        if (Database.CheckpointSize < CheckpointPages) Database.CheckpointSize = CheckpointPages;
        Customers = Collection<Customer>("customers", BsonAutoId.Int32);
        FollowUps = Collection<FollowUp>("followups", BsonAutoId.Int32);
        Users = Collection<User>("users", BsonAutoId.Int32);
        Departments = Collection<Department>("departments", BsonAutoId.Int32);
        Audit = Collection<AuditEntry>("audit", BsonAutoId.Int64);
        Counters = Collection<Counter>("counters");
        EnsureIndexes();
    }

    private FileStream? folderLock;

    /// <summary>
    /// Opens (or creates) the database file in <paramref name="dataDir"/>, holding a lock file for as long as it is
    /// open: LiteDB's direct mode is not safe for two processes, so a second bot or CLI run on the same folder is
    /// refused with a clear message instead of corrupting the file.
    /// </summary>
    public static CrmDb OpenFolder(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(dataDir, FileName + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"数据目录 {Path.GetFullPath(dataDir)} 正被另一个众韩机器人进程使用。", e);
        }
        try
        {
            var db = OpenFile(Path.Combine(dataDir, FileName));
            db.folderLock = lockFile;
            return db;
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    public static CrmDb OpenFile(string path)
    {
        var mapper = NewMapper();
        var cs = new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Collation = OrdinalCollation };
        return new CrmDb(new LiteDatabase(cs, mapper), mapper);
    }

    /// <summary>A database on a stream (tests). The stream stays owned by the caller.</summary>
    public static CrmDb OpenStream(Stream stream)
    {
        var mapper = NewMapper();
        var engine = new LiteDB.Engine.LiteEngine(new LiteDB.Engine.EngineSettings { DataStream = stream, Collation = OrdinalCollation });
        return new CrmDb(new LiteDatabase(engine, mapper, disposeOnClose: true), mapper);
    }

    private readonly HashSet<Type> warmed = new();

    /// <summary>Another collection in the same file, for rooms that keep their own data (opportunities, reminders …).</summary>
    public ILiteCollection<T> Collection<T>(string name, BsonAutoId autoId = BsonAutoId.ObjectId)
    {
        MapperWarmup.Warm(Mapper, typeof(T), warmed);
        return Database.GetCollection<T>(name, autoId);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it lands, or none of it.</summary>
    public T InTransaction<T>(Func<T> work)
    {
        var own = Database.BeginTrans();
        try
        {
            var result = work();
            if (own) Database.Commit();
            return result;
        }
        catch
        {
            if (own) Database.Rollback();
            throw;
        }
    }

    public void InTransaction(Action work) => InTransaction(() => { work(); return 0; });

    /// <summary>Ordinal string order for every index: key ranges ("owner|date") compare byte-wise, as written.</summary>
    private static readonly Collation OrdinalCollation = new(System.Globalization.CultureInfo.InvariantCulture.LCID, System.Globalization.CompareOptions.Ordinal);

    private static BsonMapper NewMapper() => new()
    {
        EmptyStringToNull = false,
        TrimWhitespace = false,
        EnumAsInteger = false,
    };

    private void EnsureIndexes()
    {
        Customers.EnsureIndex(x => x.NameKey);
        Customers.EnsureIndex(x => x.CoreKey);
        Customers.EnsureIndex("Phones", "$.Phones[*]");
        Customers.EnsureIndex(x => x.OwnerDue);
        Customers.EnsureIndex(x => x.NextFollowUpAt);
        Customers.EnsureIndex(x => x.LastTouchAt);
        Customers.EnsureIndex(x => x.PoolSince);
        Customers.DropIndex("DepartmentId"); // no query uses it; every index costs each write
        Customers.EnsureIndex(x => x.CreatedAt);
        FollowUps.EnsureIndex(x => x.CustomerAt);
        FollowUps.EnsureIndex(x => x.At);
        FollowUps.EnsureIndex(x => x.NextDueAt);
        Users.EnsureIndex(x => x.LocalName, unique: true);
        Users.EnsureIndex(x => x.WeComUserId);
        Users.EnsureIndex(x => x.TeamsAadObjectId);
        Users.EnsureIndex(x => x.DepartmentId);
        Audit.EnsureIndex(x => x.EntityKey);
    }

    public void Dispose()
    {
        Database.Dispose();
        folderLock?.Dispose();
    }
}

public sealed class Counter
{
    public string Id { get; set; } = "";
    public long Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}

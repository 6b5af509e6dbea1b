namespace Zhonghan.Storage.LiteDb;

/// <summary>The data folder is held by another process (its lock file is taken).</summary>
public sealed class DataFolderBusyException(string message, Exception inner) : IOException(message, inner);

/// <summary>
/// The data folder this process holds: a lock file for as long as it lives (LiteDB's direct mode is not safe for two
/// processes, so a second bot or CLI run on the same folder is refused), the database path, and whether the database
/// file existed before this process touched it (demo data goes only into a file that did not).
/// </summary>
public sealed class DataFolder : IDisposable
{
    public const string LockFileName = LiteDbEngine.FileName + ".lock";
    private readonly FileStream lockFile;

    public string Path { get; }
    public string DatabaseFile => System.IO.Path.Combine(Path, LiteDbEngine.FileName);
    public bool DatabaseExisted { get; }

    private DataFolder(string path, FileStream lockFile)
    {
        Path = path;
        this.lockFile = lockFile;
        DatabaseExisted = File.Exists(DatabaseFile);
    }

    /// <summary>Takes the folder (creating it); a held folder throws <see cref="DataFolderBusyException"/> with one line.</summary>
    public static DataFolder Acquire(string dataDir)
    {
        var path = System.IO.Path.GetFullPath(dataDir);
        Directory.CreateDirectory(path);
        try
        {
            var stream = new FileStream(System.IO.Path.Combine(path, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new DataFolder(path, stream);
        }
        catch (IOException e)
        {
            throw new DataFolderBusyException(
                $"数据目录 {path} 正被另一个众韩机器人进程使用（同一份数据只能有一个进程打开）。/ The data folder {path} is in use by another Zhonghan Bot process.", e);
        }
    }

    public void Dispose() => lockFile.Dispose();
}

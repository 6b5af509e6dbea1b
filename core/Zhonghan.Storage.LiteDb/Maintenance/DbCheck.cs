using System.Text;
using LiteDB;

namespace Zhonghan.Storage.LiteDb;

/// <summary>
/// The read-through check of a LiteDB file. The header and the length are checked first (a truncated file still
/// opens, and fails only on the pages that are gone); then every collection is enumerated and every index walked.
/// </summary>
internal static class DbCheck
{
    internal const int PageSize = 8192;
    private const string HeaderInfo = "** This is a LiteDB file **";
    private const int HeaderInfoAt = 32, LastPageIdAt = 64;

    public static DbCheckReport Run(string file, DbCheckDepth depth)
    {
        var problems = new List<string>();
        var documents = new Dictionary<string, long>();
        var report = new DbCheckReport(file, problems, documents);
        if (!File.Exists(file)) { problems.Add("文件不存在 / the file does not exist"); return report; }
        if (HeaderProblem(file) is { } header) { problems.Add(header); return report; }
        try
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct, ReadOnly = true });
            foreach (var name in db.GetCollectionNames().Order(StringComparer.Ordinal))
                CheckCollection(db, name, depth, problems, documents);
        }
        catch (Exception e) when (e is LiteException or IOException or ArgumentException or InvalidOperationException or NotImplementedException or InvalidCastException or IndexOutOfRangeException)
        {
            problems.Add($"打不开 / cannot be opened: {Describe(e)}");
        }
        return report;
    }

    /// <summary>The file's size and fixed header fields; null when they are sound.</summary>
    internal static string? HeaderProblem(string file)
    {
        var length = new FileInfo(file).Length;
        if (length == 0) return "文件是空的（0 字节）/ the file is empty (0 bytes)";
        if (length < PageSize || length % PageSize != 0)
            return $"文件长度 {length} 字节不是整页（{PageSize} 字节）的倍数，可能被截断 / the length is not a whole number of pages (truncated?)";
        var page = new byte[PageSize];
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)) stream.ReadExactly(page);
        if (Encoding.UTF8.GetString(page, HeaderInfoAt, HeaderInfo.Length) != HeaderInfo)
            return "文件头损坏（不是 LiteDB 文件头）/ the file header is damaged (not a LiteDB header)";
        var pages = BitConverter.ToUInt32(page, LastPageIdAt) + 1L;
        return pages * PageSize > length
            ? $"文件被截断：文件头记录 {pages} 页，文件只有 {length / PageSize} 页 / truncated: the header counts {pages} pages, the file holds {length / PageSize}"
            : null;
    }

    /// <summary>The page count the header records (to pad a truncated copy before a rebuild); null when unreadable.</summary>
    internal static long? HeaderPages(string file)
    {
        var page = new byte[PageSize];
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length < PageSize) return null;
        stream.ReadExactly(page);
        return Encoding.UTF8.GetString(page, HeaderInfoAt, HeaderInfo.Length) == HeaderInfo ? BitConverter.ToUInt32(page, LastPageIdAt) + 1L : null;
    }

    private static void CheckCollection(LiteDatabase db, string name, DbCheckDepth depth, List<string> problems, Dictionary<string, long> documents)
    {
        var collection = db.GetCollection(name);
        try
        {
            if (depth == DbCheckDepth.Full) documents[name] = collection.FindAll().LongCount();
            else documents[name] = collection.Find(Query.All(Query.Ascending), limit: 1).Count() + collection.Find(Query.All(Query.Descending), limit: 1).Count();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problems.Add($"集合 {name} 读不出来 / collection {name} cannot be read: {Describe(e)}");
            return;
        }
        foreach (var index in db.GetCollection("$indexes").Find(BsonExpression.Create("$.collection = @0", name)))
        {
            var expression = index["expression"].AsString;
            if (index["name"].AsString == "_id") continue; // walked by the enumeration above
            try
            {
                _ = depth == DbCheckDepth.Full
                    ? collection.Find(Query.All(expression)).LongCount()
                    : collection.Find(Query.All(expression, Query.Descending), limit: 1).Count();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problems.Add($"集合 {name} 的索引 {index["name"].AsString} 不可用 / index {index["name"].AsString} of {name} is unusable: {Describe(e)}");
            }
        }
    }

    /// <summary>LiteDB's messages keep their "{0}" placeholders; the type name says more than those.</summary>
    internal static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message.Replace("{0}", "?").Replace("{1}", "?")}";
}

using LiteDB;
using LiteDB.Engine;

namespace Zhonghan.Storage.LiteDb;

/// <summary>
/// Repair: a copy of the damaged file is rebuilt by LiteDB (which reads what it can, page by page, and records each
/// page it could not read in "_rebuild_errors"). A truncated copy is first padded to the length its header records,
/// so the rebuild keeps what is left instead of giving up. When the rebuild itself fails, the documents that can
/// still be enumerated are copied into a new file. The damaged file is never changed.
/// </summary>
internal static class DbRepair
{
    private const string RebuildErrors = "_rebuild_errors";

    public static DbRepairReport Run(string dataFile, DateTimeOffset now)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(dataFile))!;
        var target = DbMaintenance.FreeName(dir, Path.GetFileNameWithoutExtension(dataFile) + "-repaired-" + DbMaintenance.Stamp(now), Path.GetExtension(dataFile));
        File.Copy(dataFile, target);
        if (DbCheck.HeaderPages(target) is { } pages)
            using (var stream = new FileStream(target, FileMode.Open, FileAccess.ReadWrite))
                if (stream.Length < pages * DbCheck.PageSize) stream.SetLength(pages * DbCheck.PageSize);
        try
        {
            var report = Rebuild(target);
            // LiteDB keeps the file as it was before the rebuild next to it: that is our own scratch copy.
            File.Delete(Path.Combine(dir, Path.GetFileNameWithoutExtension(target) + "-backup" + Path.GetExtension(target)));
            return report;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            File.Delete(target);
            return Salvage(dataFile, target, $"LiteDB 重建失败 / LiteDB's rebuild failed: {DbCheck.Describe(e)}");
        }
    }

    private static DbRepairReport Rebuild(string target)
    {
        using var engine = new LiteEngine(new EngineSettings { Filename = target });
        engine.Rebuild(new RebuildOptions { IncludeErrorReport = true });
        using var db = new LiteDatabase(engine);
        var lost = new List<string>();
        var errors = db.GetCollection(RebuildErrors);
        var count = errors.Count();
        if (count > 0)
        {
            var first = errors.FindAll().First();
            lost.Add($"{count} 处读不出来，例如第 {first["pageID"]} 页：{first["message"].AsString.Replace("{0}", "?").Replace("{1}", "?")} / {count} unreadable places");
            db.DropCollection(RebuildErrors);
        }
        var documents = db.GetCollectionNames().ToDictionary(n => n, n => (long)db.GetCollection(n).LongCount());
        return new DbRepairReport(target, documents, lost);
    }

    /// <summary>Copies, collection by collection, the documents that can still be read (and the index definitions).</summary>
    private static DbRepairReport Salvage(string dataFile, string target, string why)
    {
        var lost = new List<string> { why };
        var documents = new Dictionary<string, long>();
        LiteDatabase source;
        try { source = new LiteDatabase(new ConnectionString { Filename = dataFile, Connection = ConnectionType.Direct, ReadOnly = true }); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            lost.Add($"文件打不开，什么也读不出来 / the file cannot be opened at all: {DbCheck.Describe(e)}");
            return new DbRepairReport(null, documents, lost);
        }
        using (source)
        using (var copy = new LiteDatabase(new ConnectionString { Filename = target, Connection = ConnectionType.Direct }))
        {
            foreach (var name in source.GetCollectionNames())
            {
                var into = copy.GetCollection(name);
                long n = 0;
                try
                {
                    foreach (var doc in source.GetCollection(name).FindAll()) { into.Upsert(doc); n++; }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    lost.Add($"集合 {name}：读出 {n} 条后读不下去 / collection {name}: stopped after {n} documents: {DbCheck.Describe(e)}");
                }
                documents[name] = n;
                foreach (var index in source.GetCollection("$indexes").Find(BsonExpression.Create("$.collection = @0", name)).Where(i => i["name"].AsString != "_id"))
                    into.EnsureIndex(index["name"].AsString, index["expression"].AsString, index["unique"].AsBoolean);
            }
        }
        return new DbRepairReport(target, documents, lost);
    }
}

using LiteDB;

namespace Zhonghan.Storage.LiteDb;

public sealed partial class LiteDbEngine
{
    /// <summary>
    /// Reads the whole file through: every collection's documents, and every index from end to end. A damaged page
    /// shows up as an exception here rather than in a rep's turn.
    /// </summary>
    /// <summary>A consistent copy of the open file into <paramref name="targetDir"/>, named with the time (see <see cref="DbMaintenance.Backup"/>).</summary>
    public string BackupTo(string targetDir, DateTimeOffset now) =>
        DbMaintenance.Backup(db, FilePath ?? throw new InvalidOperationException("A database on a stream has no file to back up."), targetDir, now);

    public int Probe()
    {
        var collections = 0;
        foreach (var name in db.GetCollectionNames())
        {
            var collection = db.GetCollection(name);
            _ = collection.Query().OrderBy("$._id").Limit(1).ToDocuments().Count() + collection.Query().OrderByDescending("$._id").Limit(1).ToDocuments().Count();
            collections++;
        }
        return collections;
    }

    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        IEnumerable<string> names;
        try { names = db.GetCollectionNames().ToList(); }
        catch (Exception e) when (e is LiteException or IOException or InvalidCastException or IndexOutOfRangeException)
        {
            return [$"数据库目录页无法读取：{e.Message}"];
        }
        foreach (var name in names)
        {
            try
            {
                var col = db.GetCollection(name);
                var count = 0L;
                foreach (var _ in col.FindAll()) count++;
                var indexes = db.GetCollection("$indexes").Find(BsonExpression.Create("$.collection = @0", name)).Select(d => d["name"].AsString).ToList();
                foreach (var index in indexes)
                {
                    var keys = col.Query().OrderBy(index == "_id" ? "$._id" : IndexExpression(name, index)).Select("{ k: $._id }").ToDocuments().LongCount();
                    if (index == "_id" && keys != count) problems.Add($"{name}：主键索引有 {keys} 项，文档有 {count} 个");
                }
            }
            catch (Exception e) when (e is LiteException or IOException or InvalidCastException or IndexOutOfRangeException or ArgumentException)
            {
                problems.Add($"{name}：{e.Message}");
            }
        }
        return problems;
    }

    private string IndexExpression(string collection, string index) =>
        db.GetCollection("$indexes").FindOne(BsonExpression.Create("$.collection = @0 AND $.name = @1", collection, index))?["expression"].AsString ?? "$._id";
}

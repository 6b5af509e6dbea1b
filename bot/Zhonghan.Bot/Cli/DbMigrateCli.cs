using Zhonghan.Bot.Hosting;
using Zhonghan.Storage.Documents;
using Zhonghan.Storage.LiteDb;
using Zhonghan.Storage.PostgreSql;
using Zhonghan.Storage.Schema;

namespace Zhonghan.Bot.Cli;

/// <summary>
/// <c>db migrate --to postgres "CONNECTION"</c>: copies the LiteDB data folder's database into an empty PostgreSQL
/// database (binary COPY per collection, progress as it goes), then reads every collection's count back and compares.
/// The bot must be stopped (the folder is taken). Exit codes: 0 copied and counts equal, 1 failed or counts differ, 2 usage.
/// </summary>
public static class DbMigrateCli
{
    public const string Help = "db migrate --to postgres \"CONNECTION\"   把 LiteDB 数据复制到 PostgreSQL（数据库须为空）";
    private const int ProgressEvery = 50_000;

    public static int Run(string dataDir, string connectionString, TextWriter output)
    {
        DataFolder folder;
        try { folder = DataFolder.Acquire(dataDir); }
        catch (DataFolderBusyException e)
        {
            Console.Error.WriteLine($"❌ {e.Message} db migrate 需要先停止机器人。/ Stop the bot first.");
            return 2;
        }
        using (folder)
        {
            if (!File.Exists(folder.DatabaseFile)) { Console.Error.WriteLine($"❌ 没有数据库文件 / no database file: {folder.DatabaseFile}"); return 1; }
            using var lite = LiteDbEngine.OpenFile(folder.DatabaseFile);
            lite.Progress = output.WriteLine;
            lite.EnsureSchema(Sets.All);
            using var pg = new PostgreSqlEngine(connectionString);
            pg.Progress = output.WriteLine;
            try { pg.EnsureSchema(Sets.All); }
            catch (StoreSchemaException e) { Console.Error.WriteLine("❌ " + DataStartup.OneLine(e.Message)); return 1; }
            if (Sets.All.FirstOrDefault(s => pg.CountAll(s) > 0) is { } taken)
            {
                Console.Error.WriteLine($"❌ 目标数据库 {pg.Describe()} 已有数据（{taken.Name}），没有复制。请用一个空数据库。/ The target database is not empty.");
                return 1;
            }
            output.WriteLine($"复制 {folder.DatabaseFile} → PostgreSQL {pg.Describe()}");
            var copied = Sets.All.ToDictionary(s => s, s => Copy(lite, pg, s, output));
            return Verify(pg, copied, output);
        }
    }

    private static long Copy(LiteDbEngine lite, PostgreSqlEngine pg, DocSet set, TextWriter output)
    {
        long n = 0;
        pg.BulkInsert(set, lite.All(set).Select(s =>
        {
            if (++n % ProgressEvery == 0) output.WriteLine($"  {set.Name} {n:N0}…");
            return s.Doc;
        }));
        output.WriteLine($"  {set.Name} {n:N0} ✓");
        return n;
    }

    /// <summary>Reads each collection's count back from PostgreSQL: the copy is good only when every one matches.</summary>
    private static int Verify(PostgreSqlEngine pg, Dictionary<DocSet, long> copied, TextWriter output)
    {
        output.WriteLine("集合 / collection | LiteDB | PostgreSQL");
        var bad = 0;
        foreach (var (set, count) in copied)
        {
            var back = pg.CountAll(set);
            if (back != count) bad++;
            output.WriteLine($"{set.Name} | {count:N0} | {back:N0}{(back == count ? "" : "  ❌")}");
        }
        output.WriteLine(bad == 0
            ? $"✅ 复制完成，{copied.Count} 个集合的数目一致。用 Zhonghan:Store=PostgreSql 和 ConnectionStrings:Zhonghan 启动机器人。/ Done; start with Zhonghan:Store=PostgreSql."
            : $"❌ {bad} 个集合的数目不一致 / {bad} collections differ.");
        return bad == 0 ? 0 : 1;
    }
}

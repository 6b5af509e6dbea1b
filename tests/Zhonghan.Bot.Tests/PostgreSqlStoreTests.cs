using Zhonghan.Storage;
using Zhonghan.Testing;
using Zhonghan.Testing.Postgres;

namespace Zhonghan.Bot.Tests;

/// <summary>The bot with Zhonghan:Store=PostgreSql: start, conversations, health, the LiteDB-only verbs, the copy from LiteDB.</summary>
public sealed class PostgreSqlStoreTests : IDisposable
{
    private readonly PgTestDatabase? db = PgTest.SkipReason is null ? new PgTestDatabase() : null;

    private static string[] On(string cs) => ["Zhonghan:Store=PostgreSql", $"ConnectionStrings:Zhonghan={cs}"];

    [PostgresFact]
    public async Task TheBotSeedsAndAnswersOnPostgreSqlAndItsHealthNamesTheStore()
    {
        await using var bot = await TestBot.StartAsync(On(db!.ConnectionString));
        Assert.Equal("PostgreSQL", bot.Get<DocumentStore>().Engine.Name);
        Assert.Contains(await bot.ChatAsync("zhangsan", "新建线索 杭州库存电子有限公司 李工"), r => r.Contains("杭州库存电子有限公司"));
        Assert.Contains(await bot.ChatAsync("zhangsan", "跟进 库存电子 送样 下周三再联系"), r => r.Contains("周三"));
        Assert.Contains(await bot.ChatAsync("zhangsan", "客户 库存电子"), r => r.Contains("送样"));
        Assert.Equal(1, PgQueries.Customers(db.ConnectionString, "杭州库存电子有限公司"));
        var health = await bot.Http.GetStringAsync("/healthz?details=true");
        Assert.Contains("PostgreSQL", health);
    }

    [PostgresFact]
    public async Task ALiteDbFolderIsCopiedIntoPostgreSqlWithCountsReadBack()
    {
        using var dir = new TempDir();
        await using (var bot = await TestBot.StartAsync(dataDir: dir))
            await bot.ChatAsync("zhangsan", "新建线索 迁移测试电子有限公司 赵工");
        var (code, output, error) = await BotProcess.RunAsync(["db", "migrate", "--to", "postgres", db!.ConnectionString, "--data", dir.Path]);
        Assert.True(code == 0, error + output);
        Assert.Contains("customers | 31 | 31", output);
        Assert.Contains("✅", output);
        Assert.Equal(1, PgQueries.Customers(db.ConnectionString, "迁移测试电子有限公司"));
        await using var pg = await TestBot.StartAsync(On(db.ConnectionString));
        Assert.Contains(await pg.ChatAsync("zhangsan", "客户 迁移测试"), r => r.Contains("赵工"));
        var again = await BotProcess.RunAsync(["db", "migrate", "--to", "postgres", db.ConnectionString, "--data", dir.Path]);
        Assert.Equal(1, again.Code);
        Assert.Contains("已有数据", again.Err);
    }

    [Fact]
    public async Task TheLiteDbVerbsSayTheyAreLiteDbsWhenTheStoreIsPostgreSql()
    {
        using var dir = new TempDir();
        var (code, _, error) = await BotProcess.RunAsync(["db", "check", "--data", dir.Path, "--Zhonghan:Store=PostgreSql", "--ConnectionStrings:Zhonghan=Host=127.0.0.1;Port=1"]);
        Assert.Equal(2, code);
        Assert.Contains("只用于 LiteDB", error);
        Assert.Contains("pg_dump", error);
    }

    [Fact]
    public async Task AnUnreachableDatabaseStopsTheStartWithOneLine()
    {
        using var dir = new TempDir();
        var port = BotProcess.FreePort();
        var (code, _, error) = await BotProcess.RunAsync(["--data", dir.Path, "--urls", "http://127.0.0.1:0", "--Zhonghan:Store=PostgreSql",
            $"--ConnectionStrings:Zhonghan=Host=127.0.0.1;Port={port};Username=x;Timeout=3"]);
        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("连不上 PostgreSQL", error);
    }

    [Fact]
    public async Task PostgreSqlWithoutAConnectionStringIsRefused()
    {
        using var dir = new TempDir();
        var (code, _, error) = await BotProcess.RunAsync(["--data", dir.Path, "--urls", "http://127.0.0.1:0", "--Zhonghan:Store=PostgreSql"]);
        Assert.Equal(2, code);
        Assert.Contains("ConnectionStrings:Zhonghan", error);
    }

    public void Dispose() => db?.Dispose();
}

using Npgsql;
using Zhonghan.Storage.PostgreSql;
using Zhonghan.Storage.Schema;

namespace Zhonghan.Bot.Hosting;

/// <summary>Which engine holds the data: <c>Zhonghan:Store</c> (LiteDb by default, or PostgreSql).</summary>
public enum StoreKind { LiteDb, PostgreSql }

/// <summary>
/// The store chosen by the settings: <c>Zhonghan:Store=PostgreSql</c> with <c>ConnectionStrings:Zhonghan</c> (env
/// <c>ConnectionStrings__Zhonghan</c>) for several instances on one PostgreSQL; nothing set = the LiteDB file in the data folder.
/// </summary>
public sealed record StoreSelection(StoreKind Kind, string? ConnectionString)
{
    public const string ConnectionName = "Zhonghan";

    public bool IsPostgreSql => Kind == StoreKind.PostgreSql;

    public static StoreSelection From(IConfiguration config)
    {
        var text = config[$"{BotOptions.Section}:Store"];
        StoreKind kind;
        if (string.IsNullOrWhiteSpace(text)) kind = StoreKind.LiteDb;
        else if (!Enum.TryParse(text.Trim(), ignoreCase: true, out kind) || !Enum.IsDefined(kind))
            throw new StartRefusedException($"❌ Zhonghan:Store 的值“{text}”不认识：请写 LiteDb 或 PostgreSql。/ Zhonghan:Store must be LiteDb or PostgreSql.");
        var cs = config.GetConnectionString(ConnectionName);
        if (kind == StoreKind.PostgreSql && string.IsNullOrWhiteSpace(cs))
            throw new StartRefusedException("❌ Zhonghan:Store=PostgreSql 需要连接字符串 ConnectionStrings:Zhonghan（环境变量 ConnectionStrings__Zhonghan）。/ PostgreSql needs ConnectionStrings:Zhonghan.");
        return new StoreSelection(kind, cs);
    }
}

/// <summary>The PostgreSQL engine opened and its schema brought up to date before the host is built (the start stops here when it cannot be).</summary>
public sealed class StartedStore(PostgreSqlEngine engine)
{
    public PostgreSqlEngine Engine { get; } = engine;

    /// <summary>Opens the engine and creates or migrates the schema; any failure is one line and exit code 2.</summary>
    public static StartedStore? Open(IConfiguration config)
    {
        var selection = StoreSelection.From(config);
        if (!selection.IsPostgreSql) return null;
        PostgreSqlEngine engine;
        try { engine = new PostgreSqlEngine(selection.ConnectionString!); }
        catch (ArgumentException e) { throw new StartRefusedException(DataStartup.OneLine($"❌ 连接字符串 ConnectionStrings:Zhonghan 写错了：{e.Message} / The connection string is invalid."), e); }
        try
        {
            engine.EnsureSchema(Sets.All);
            return new StartedStore(engine);
        }
        catch (Exception e) when (e is StoreSchemaException or NpgsqlException or TimeoutException)
        {
            engine.Dispose();
            var where = engine.Describe();
            throw new StartRefusedException(DataStartup.OneLine(e is StoreSchemaException
                ? $"❌ PostgreSQL（{where}）：{e.Message} 机器人没有启动。"
                : $"❌ 连不上 PostgreSQL（{where}）：{e.Message} 机器人没有启动。/ Cannot reach PostgreSQL; the bot did not start."), e);
        }
    }
}

/// <summary>Facts about the store at start: was it empty (demo data goes only into a store that did not exist before)?</summary>
public sealed record StoreFacts(bool Fresh, string Description);

using Zhonghan.Storage.LiteDb;
using System.Net.Http.Json;
using System.Text.Json;
using Zhonghan.Bot.Hosting;
using Zhonghan.Core.Storage;

namespace Zhonghan.Bot.Cli;

/// <summary>
/// <c>db check | backup DIR | restore FILE | repair</c>: the way out when the LiteDB file is damaged, and its backups
/// (with PostgreSQL these are PostgreSQL's own tools: pg_dump, pg_restore); <c>db migrate --to postgres CONNECTION</c>
/// copies the file into PostgreSQL. Runs without the bot's services (a damaged file must not be opened by them). Exit
/// codes: 0 done / healthy, 1 damaged or failed, 2 wrong usage or the data folder busy.
/// </summary>
public static class DbCli
{
    public const string Help = "db check | db backup DIR | db restore FILE | db repair   检查、备份、恢复、修复 LiteDB 数据库文件\n  " + DbMigrateCli.Help;

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var words = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !IsSettingWithValue(args[i - 1]))).ToList();
        var config = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(BotConfiguration.SettingsOnly(args))
            .Build();
        var dataDir = BotConfiguration.DataDir(config);
        if (words is ["migrate", ..])
        {
            if (words is not ["migrate", "postgres" or "postgresql", var target] || !args.Contains("--to")) { Console.Error.WriteLine("用法 / usage: " + DbMigrateCli.Help); return 2; }
            try { return DbMigrateCli.Run(dataDir, target, Console.Out); }
            catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException)
            {
                Console.Error.WriteLine("❌ 迁移失败 / migration failed: " + DataStartup.OneLine(e.Message));
                return 1;
            }
        }
        if (IsPostgreSql(config))
        {
            Console.Error.WriteLine("❌ db check/backup/restore/repair 只用于 LiteDB 数据文件。现在的存储是 PostgreSQL：备份用 pg_dump，恢复用 pg_restore（见 docs/scale-out.md）。/ These verbs are LiteDB's; with PostgreSQL use pg_dump / pg_restore.");
            return 2;
        }
        switch (words)
        {
            case ["check"]: return WithFolder(dataDir, Check, "db check");
            case ["backup", var dir]: return await BackupAsync(dataDir, dir, ct);
            case ["restore", var file]: return WithFolder(dataDir, f => Restore(f, file), "db restore");
            case ["repair"]: return WithFolder(dataDir, Repair, "db repair");
            default:
                Console.Error.WriteLine("用法 / usage: " + Help);
                return 2;
        }
    }

    private static bool IsPostgreSql(IConfiguration config)
    {
        try { return StoreSelection.From(config).IsPostgreSql; }
        catch (StartRefusedException) { return true; } // a PostgreSQL setting without its connection: still not a LiteDB verb
    }

    private static bool IsSettingWithValue(string previous) => previous is "--data" || (previous.StartsWith("--", StringComparison.Ordinal) && previous.Contains(':') && !previous.Contains('='));

    /// <summary>Runs a verb that needs the bot stopped: it takes the data folder first.</summary>
    private static int WithFolder(string dataDir, Func<DataFolder, int> verb, string name)
    {
        DataFolder folder;
        try { folder = DataFolder.Acquire(dataDir); }
        catch (DataFolderBusyException e)
        {
            Console.Error.WriteLine($"❌ {e.Message} {name} 需要先停止机器人（运行中的状态见 /healthz?details=true）。/ Stop the bot first.");
            return 2;
        }
        using (folder) return verb(folder);
    }

    private static int Check(DataFolder folder)
    {
        var report = DbMaintenance.Check(folder.DatabaseFile);
        if (!report.Healthy)
        {
            Console.WriteLine(DataStartup.DamagedLine(report));
            return 1;
        }
        Console.WriteLine($"✅ 数据库完好 / the database is sound: {report.File}（{string.Join("，", report.Documents.Select(d => $"{d.Key} {d.Value}"))}）");
        return 0;
    }

    private static int Restore(DataFolder folder, string backup)
    {
        if (!File.Exists(backup)) { Console.Error.WriteLine($"❌ 找不到备份文件 / no such file: {backup}"); return 1; }
        try
        {
            var aside = DbMaintenance.Restore(folder.DatabaseFile, Path.GetFullPath(backup), TimeProvider.System.GetUtcNow());
            Console.WriteLine($"✅ 已从 {backup} 恢复 / restored." + (aside is null ? "" : $" 原来的文件保留为 / the previous file is kept as {aside}"));
            return 0;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine("❌ 没有恢复 / not restored: " + DataStartup.OneLine(e.Message));
            return 1;
        }
    }

    private static int Repair(DataFolder folder)
    {
        if (!File.Exists(folder.DatabaseFile)) { Console.Error.WriteLine($"❌ 没有数据库文件 / no database file: {folder.DatabaseFile}"); return 1; }
        var report = DbMaintenance.Repair(folder.DatabaseFile, TimeProvider.System.GetUtcNow());
        foreach (var lost in report.Lost) Console.WriteLine("⚠️ 读不出来 / could not be read: " + DataStartup.OneLine(lost));
        if (!report.Written)
        {
            Console.WriteLine("❌ 没有写出修复文件，请用 `db restore <备份文件>` 从备份恢复。/ Nothing could be written; restore a backup.");
            return 1;
        }
        Console.WriteLine($"✅ 修复后的文件 / repaired file: {report.RepairedFile}（{string.Join("，", report.Documents.Select(d => $"{d.Key} {d.Value}"))}）");
        Console.WriteLine($"原文件没有改动。核对后用 `db restore {report.RepairedFile}` 换上。/ The damaged file is unchanged; put the repaired one in place with `db restore`.");
        return 0;
    }

    /// <summary>With the bot stopped, the CLI copies the file itself; while it runs, it asks the bot (DATA/bot-admin.json).</summary>
    private static async Task<int> BackupAsync(string dataDir, string dir, CancellationToken ct)
    {
        var target = Path.GetFullPath(dir);
        try
        {
            using var folder = DataFolder.Acquire(dataDir);
            if (!File.Exists(folder.DatabaseFile)) { Console.Error.WriteLine($"❌ 没有数据库文件 / no database file: {folder.DatabaseFile}"); return 1; }
            using var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = folder.DatabaseFile, Connection = LiteDB.ConnectionType.Direct });
            Console.WriteLine("✅ 已备份到 / backed up to " + DbMaintenance.Backup(db, folder.DatabaseFile, target, TimeProvider.System.GetUtcNow()));
            return 0;
        }
        catch (DataFolderBusyException)
        {
            return await BackupThroughBotAsync(dataDir, target, ct);
        }
        catch (Exception e) when (e is IOException or LiteDB.LiteException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("❌ 备份失败 / backup failed: " + DataStartup.OneLine(e.Message));
            return 1;
        }
    }

    private static async Task<int> BackupThroughBotAsync(string dataDir, string target, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetFullPath(dataDir), AdminAccess.FileName);
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"❌ 机器人正在运行，但没有 {file}（它没有监听本机地址）。请停止机器人后再备份。/ The bot runs without a loopback address; stop it to back up.");
            return 2;
        }
        var address = JsonSerializer.Deserialize<AdminAddress>(await File.ReadAllTextAsync(file, ct), JsonSerializerOptions.Web)!;
        using var http = new HttpClient { BaseAddress = new Uri(address.Url), Timeout = TimeSpan.FromMinutes(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, AdminAccess.BackupPath) { Content = JsonContent.Create(new BackupRequest(target)) };
        request.Headers.Add(AdminAccess.TokenHeader, address.Token);
        HttpResponseMessage response;
        try { response = await http.SendAsync(request, ct); }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"❌ 连不上运行中的机器人 / cannot reach the running bot at {address.Url}: {e.Message}");
            return 1;
        }
        using var _ = response;
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"❌ 备份失败 / backup failed ({(int)response.StatusCode}): {(body.TryGetProperty("error", out var e) ? e.GetString() : "")}");
            return 1;
        }
        Console.WriteLine("✅ 已由运行中的机器人备份到 / backed up by the running bot to " + body.GetProperty("file").GetString());
        return 0;
    }
}

using Zhonghan.Storage.LiteDb;
using System.Net;
using Zhonghan.Core.Storage;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>
/// Issue 11, items 3 and 4: a damaged database file or a busy data folder stops the start with one line and exit
/// code 2 (not a stack trace), and the `db` verbs are the way out. Real files, the bot run as its own process.
/// </summary>
public class DamagedDatabaseTests
{
    /// <summary>A data folder holding the database a real bot wrote (the demo data).</summary>
    private static async Task<TempDir> RealDataAsync()
    {
        var dir = new TempDir();
        await using (var bot = await TestBot.StartAsync(dataDir: dir)) await bot.ChatAsync("zhangsan", "跟进 汇川 备份前的跟进");
        return dir;
    }

    private static string Db(TempDir dir) => dir.File(Zhonghan.Storage.LiteDb.LiteDbEngine.FileName);

    private static Task<(int Code, string Out, string Err)> StartServerAsync(TempDir dir) =>
        BotProcess.RunAsync(["--data", dir.Path, "--urls", "http://127.0.0.1:0", "--Reminders:Scheduler=false"]);

    private static Task<(int Code, string Out, string Err)> CliAsync(TempDir dir, params string[] verb) =>
        BotProcess.RunAsync([.. verb, "--data", dir.Path]);

    private static void AssertOneLine(string text, params string[] contains)
    {
        var trimmed = text.Trim();
        Assert.DoesNotContain('\n', trimmed);
        Assert.DoesNotContain("   at ", trimmed);
        foreach (var c in contains) Assert.Contains(c, trimmed);
    }

    private static void Truncate(string file, Func<long, long> length)
    {
        using var stream = new FileStream(file, FileMode.Open);
        stream.SetLength(length(stream.Length));
    }

    [Fact]
    public async Task AFileTruncatedToHalfStopsTheStartWithOneLineAndCheckSaysWhy()
    {
        using var dir = await RealDataAsync();
        Truncate(Db(dir), n => n / 2);
        var start = await StartServerAsync(dir);
        Assert.Equal(2, start.Code);
        AssertOneLine(start.Err, Db(dir), "已损坏", "db restore", "db repair");
        Assert.DoesNotContain("Exception", start.Out);

        var check = await CliAsync(dir, "db", "check");
        Assert.Equal(1, check.Code);
        AssertOneLine(check.Out, "截断");
    }

    [Fact]
    public async Task AnEmptyFileIsDamagedAndNeverGetsDemoData()
    {
        using var dir = await RealDataAsync();
        Truncate(Db(dir), _ => 0);
        var start = await StartServerAsync(dir);
        Assert.Equal(2, start.Code);
        AssertOneLine(start.Err, "0 字节");
        Assert.Equal(0, new FileInfo(Db(dir)).Length);
    }

    [Fact]
    public async Task ADamagedHeaderStopsTheStartWithOneLine()
    {
        using var dir = await RealDataAsync();
        using (var stream = new FileStream(Db(dir), FileMode.Open)) stream.Write(Enumerable.Repeat((byte)0xAB, 100).ToArray());
        var start = await StartServerAsync(dir);
        Assert.Equal(2, start.Code);
        AssertOneLine(start.Err, "文件头损坏");
        Assert.Equal(1, (await CliAsync(dir, "db", "check")).Code);
    }

    [Fact]
    public async Task ASoundFilePassesTheCheck()
    {
        using var dir = await RealDataAsync();
        var check = await CliAsync(dir, "db", "check");
        Assert.True(check.Code == 0, check.Out + check.Err);
        Assert.Contains("customers 30", check.Out);
    }

    [Fact]
    public async Task RepairRebuildsWhatIsLeftAndRestoreKeepsTheDamagedFileAside()
    {
        using var dir = await RealDataAsync();
        Truncate(Db(dir), n => n / 2);
        var repair = await CliAsync(dir, "db", "repair");
        Assert.True(repair.Code == 0, repair.Out + repair.Err);
        Assert.Contains("读不出来", repair.Out);
        var repaired = Assert.Single(Directory.GetFiles(dir.Path, "zhonghan-repaired-*.db"));
        Assert.True(DbMaintenance.Check(repaired).Healthy);

        var damagedLength = new FileInfo(Db(dir)).Length;
        var restore = await CliAsync(dir, "db", "restore", repaired);
        Assert.True(restore.Code == 0, restore.Out + restore.Err);
        var aside = Assert.Single(Directory.GetFiles(dir.Path, "zhonghan.db.before-restore-*"));
        Assert.Equal(damagedLength, new FileInfo(aside).Length);
        Assert.Equal(0, (await CliAsync(dir, "db", "check")).Code);
    }

    [Fact]
    public async Task ARestoreNeverOverwritesAndRefusesADamagedBackup()
    {
        using var dir = await RealDataAsync();
        using var other = new TempDir();
        File.WriteAllBytes(other.File("broken.db"), new byte[8192]);
        var refused = await CliAsync(dir, "db", "restore", other.File("broken.db"));
        Assert.Equal(1, refused.Code);
        Assert.Empty(Directory.GetFiles(dir.Path, "zhonghan.db.before-restore-*"));

        File.Copy(Db(dir), other.File("good.db"));
        Assert.Equal(0, (await CliAsync(dir, "db", "restore", other.File("good.db"))).Code);
        Assert.Equal(0, (await CliAsync(dir, "db", "restore", other.File("good.db"))).Code);
        Assert.Equal(2, Directory.GetFiles(dir.Path, "zhonghan.db.before-restore-*").Length);
    }

    [Fact]
    public async Task ADatabaseFileWithoutUsersGetsNoDemoData()
    {
        using var dir = new TempDir();
        using (var db = new Zhonghan.Storage.DocumentStore(Zhonghan.Storage.LiteDb.LiteDbEngine.OpenFile(Db(dir))))
            db.Counters.Save(new Counter { Id = "x", Value = 1 });
        await using var bot = await TestBot.StartAsync(dataDir: dir);
        Assert.Empty(bot.Get<Zhonghan.Storage.DocumentStore>().Users.AllUsers());
    }
}

/// <summary>Issue 11, item 4: a second process on the same data folder.</summary>
public class SecondProcessTests
{
    [Fact]
    public async Task ASecondBotOnTheSameDataIsRefusedWithOneLineAndExitCode2()
    {
        await using var bot = await TestBot.StartAsync();
        var second = await BotProcess.RunAsync(["--data", bot.DataDir, "--urls", "http://127.0.0.1:0"]);
        Assert.Equal(2, second.Code);
        Assert.DoesNotContain('\n', second.Err.Trim());
        Assert.Contains("正被另一个众韩机器人进程使用", second.Err);

        var import = await BotProcess.RunAsync(["import", "leads", "x.csv", "--data", bot.DataDir]);
        Assert.Equal(2, import.Code);
        Assert.Contains("正被另一个众韩机器人进程使用", import.Err);
        Assert.Equal(2, (await BotProcess.RunAsync(["db", "restore", "x.db", "--data", bot.DataDir])).Code);
    }

    [Fact]
    public async Task ALockHeldByAnotherProcessIsRefusedToo()
    {
        using var dir = new TempDir();
        using var held = new FileStream(dir.File(DataFolder.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var start = await BotProcess.RunAsync(["--data", dir.Path, "--urls", "http://127.0.0.1:0"]);
        Assert.Equal(2, start.Code);
        Assert.Contains(dir.Path, start.Err);
    }
}

/// <summary>Backups: through the running bot, with the bot stopped, and the daily ones; /healthz reads the store.</summary>
public class BackupAndHealthTests
{
    [Fact]
    public async Task BackupWhileTheBotRunsGoesThroughItAndIsConsistent()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.ChatAsync("zhangsan", "新建线索 珠海冠宇电池股份有限公司 罗工 13722223333");
        using var target = new TempDir();
        var backup = await BotProcess.RunAsync(["db", "backup", target.Path, "--data", bot.DataDir]);
        Assert.True(backup.Code == 0, backup.Out + backup.Err);
        Assert.Contains("运行中的机器人", backup.Out);
        var file = Assert.Single(Directory.GetFiles(target.Path));
        Assert.Matches(@"zhonghan-\d{8}-\d{6}\.db$", file);
        var check = DbMaintenance.Check(file);
        Assert.True(check.Healthy, string.Join("; ", check.Problems));
        Assert.Equal(31, check.Documents["customers"]);
        // The bot goes on serving after the copy.
        Assert.Contains("已新建线索", (await bot.ChatAsync("zhangsan", "新建线索 东莞新能德科技有限公司")).Single());
    }

    [Fact]
    public async Task BackupWithTheBotStoppedCopiesTheFile()
    {
        using var dir = new TempDir();
        await using (var _ = await TestBot.StartAsync(dataDir: dir)) { }
        using var target = new TempDir();
        var backup = await BotProcess.RunAsync(["db", "backup", target.Path, "--data", dir.Path]);
        Assert.True(backup.Code == 0, backup.Out + backup.Err);
        Assert.True(DbMaintenance.Check(Assert.Single(Directory.GetFiles(target.Path))).Healthy);
    }

    [Fact]
    public async Task DailyBackupsKeepTheLastBackupKeep()
    {
        await using var bot = await TestBot.StartAsync(["Backup:Keep=2"]);
        var backups = bot.Get<Hosting.DbBackups>();
        var made = new List<string>();
        for (var day = 0; day < 3; day++)
        {
            made.Add((await backups.DailyAsync(CancellationToken.None))!);
            bot.Clock.Advance(TimeSpan.FromDays(1));
        }
        var kept = Directory.GetFiles(Path.Combine(bot.DataDir, "backups")).Order().ToList();
        Assert.Equal(made.Skip(1), kept);
    }

    [Fact]
    public async Task HealthzAnswers503WhenTheStoreCannotBeRead()
    {
        await using var bot = await TestBot.StartAsync();
        Assert.Equal("ok", await bot.Http.GetStringAsync("/healthz"));
        var details = await bot.Http.GetStringAsync("/healthz?details=true");
        Assert.Contains("\"store\"", details);

        ((Zhonghan.Storage.LiteDb.LiteDbEngine)bot.Get<Zhonghan.Storage.DocumentStore>().Engine).Database.Dispose(); // the store can no longer answer
        var response = await bot.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>The daily backup is on the Quartz schedule (02:30 business time) when the scheduler runs.</summary>
public class BackupScheduleTests
{
    [Fact]
    public async Task TheDailyBackupIsScheduledAtHalfPastTwo()
    {
        await using var chat = await ChatHarness.StartAsync(["Reminders:Scheduler=true"], seed: false);
        var scheduler = await chat.Get<Quartz.ISchedulerFactory>().GetScheduler();
        var trigger = (Quartz.ICronTrigger)(await scheduler.GetTrigger(new Quartz.TriggerKey(Jobs.ReminderRegistration.BackupJobName + ".trigger")))!;
        Assert.Equal("0 30 2 * * ?", trigger.CronExpressionString);
        Assert.Equal(Core.Time.BusinessTime.Zone, trigger.TimeZone);
    }
}

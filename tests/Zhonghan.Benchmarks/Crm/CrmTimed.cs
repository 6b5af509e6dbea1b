using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zhonghan.Benchmarks.Storage;
using Zhonghan.Bot.Hosting;
using Zhonghan.Bot.Import;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Import;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Time;
using Zhonghan.Storage;
using Zhonghan.Storage.Documents;
using Zhonghan.Storage.Schema;

namespace Zhonghan.Benchmarks.Crm;

/// <summary>The timed part of <see cref="CrmBenchmark"/>, in a process that did not build the data.</summary>
public static class CrmTimed
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dir = CrmBenchmark.Option(args, "--data")!;
        var turns = CrmBenchmark.Arg(args, "--turns", 3_000);
        var importRows = CrmBenchmark.Arg(args, "--import", 100_000);
        var store = BenchStore.From(args);
        var data = DataSet.Load(dir) ?? throw new InvalidOperationException($"No {DataSet.FileName} in {dir}.");
        var started = Stopwatch.StartNew();
        var builder = Host.CreateApplicationBuilder(BotConfiguration.TranslateArgs(["--data", dir, "--Zhonghan:SeedDemoData=false",
            "--Zhonghan:ConsoleLog=false", "--Serilog:MinimumLevel:Default=Warning", "--Reminders:Scheduler=false", .. store.Settings]));
        builder.AddBotServices();
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine($"opened in {started.Elapsed.TotalSeconds:F1} s (a fresh process; working set {Rss()} MB)");
        var s = host.Services;
        var run = new TurnRunner(s, data);
        var rows = new List<(Stats Stats, string Target)>
        {
            (await run.Turns(turns, "跟进 turn (in-process pipeline)", (c, i) => $"跟进 {c.Company} 电话沟通第{i}次 下次 下周三"), "p99 ≤ 5 ms, max ≤ 100 ms"),
            (await run.Turns(Math.Min(turns, 1000), "客户 card turn", (c, _) => $"客户 {c.Company}"), "—"),
            (await run.Turns(Math.Min(turns, 1000), "今日待办 turn", (_, _) => "今日待办"), "p99 ≤ 10 ms"),
            (await run.Turns(Math.Min(turns, 1000), "帮助 turn (read only)", (_, _) => "帮助"), "—"),
            (await SalesTurns.Advance(s, data, Math.Min(turns, data.Advanceable.Count)), "p99 ≤ 5 ms"),
            (await SalesTurns.Payment(s, data, Math.Min(turns, 2000)), "p99 ≤ 5 ms"),
            (SalesTurns.Funnel(s), "≤ 200 ms"),
            (Timeline(s, data, 400), "≤ 2 ms"),
            (Timeline(s, data, 5), "—"),
        };
        rows.AddRange(DueQueries(s, data));
        var rss = Rss();
        var import = await ImportLeadsAsync(s, dir, importRows);

        Console.WriteLine();
        Console.WriteLine(Stats.Header);
        foreach (var (stats, target) in rows) Console.WriteLine(stats.Row(target));
        Console.WriteLine($"| import {import.Rows:N0} leads (csv → checked → one commit) | 1 | {import.Seconds:F1} s total | | | | ≤ 10 s |");
        Console.WriteLine();
        foreach (var line in run.Notes) Console.WriteLine(line);
        Console.WriteLine($"\nworking set after the turns {rss} MB (peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000} MB, goal ≤ 1,000 MB); managed heap {GC.GetTotalMemory(false) / 1_000_000} MB; {store.Size(dir)}");
        await host.StopAsync();
        return 0;
    }

    private static long Rss() => Process.GetCurrentProcess().WorkingSet64 / 1_000_000;

    private static Stats Timeline(IServiceProvider services, DataSet data, int size)
    {
        var customers = services.GetRequiredService<CustomerService>();
        var stats = new Stats($"timeline, newest {size} of a 400-follow-up customer");
        for (var i = 0; i < 50; i++) customers.Timeline(data.TimelineCustomerId, size);
        for (var i = 0; i < 1000; i++)
        {
            var list = stats.Measure(() => customers.Timeline(data.TimelineCustomerId, size));
            if (list.Count != size) throw new InvalidOperationException($"timeline returned {list.Count}");
        }
        Console.WriteLine(stats);
        return stats;
    }

    private static IEnumerable<(Stats, string)> DueQueries(IServiceProvider services, DataSet data)
    {
        var customers = services.GetRequiredService<CustomerService>();
        var users = services.GetRequiredService<UserDirectory>();
        var clock = TimeProvider.System;
        var endOfToday = BusinessTime.StartOfDayUtc(BusinessTime.Today(clock).AddDays(1));
        var reps = data.SampleByRep.Keys.Select(n => users.ByLocalName(n)!).ToList();
        var rng = new Random(11);
        var perRep = new Stats("due query: one rep's due + overdue (今日待办)");
        var window = new Stats("due scan: everyone's follow-ups due in the 09:00 minute of a day");
        for (var i = 0; i < 1000; i++)
        {
            var rep = reps[rng.Next(reps.Count)];
            perRep.Measure(() => customers.DueFor(rep, endOfToday).Count);
            var from = BusinessTime.DueUtc(BusinessTime.Today(clock).AddDays(rng.Next(-5, 30)));
            window.Measure(() => customers.DueBetween(from, from.AddMinutes(1)).Count);
        }
        Console.WriteLine(perRep);
        Console.WriteLine(window);
        return [(perRep, "≤ 10 ms"), (window, "≤ 10 ms")];
    }

    /// <summary>Imports new leads (names unique to this run), then removes them so a reused data set stays the size it was.</summary>
    private static async Task<(int Rows, int Created, double Seconds)> ImportLeadsAsync(IServiceProvider services, string dir, int rows)
    {
        var path = Path.Combine(dir, "import.csv");
        var run = Guid.NewGuid().ToString("N")[..6];
        var sb = new StringBuilder("公司名称,联系人,手机,行业,地区\n");
        for (var i = 0; i < rows; i++) sb.Append($"导入{run}测试{i}号电子科技有限公司,联系人{i},136{i:D8},电子,苏州\n");
        File.WriteAllText(path, sb.ToString());
        var admin = services.GetRequiredService<UserDirectory>().WithRole(Role.Admin).First();
        var before = DateTime.UtcNow;
        var sw = Stopwatch.StartNew();
        var report = await services.GetRequiredService<LeadImportRunner>().RunAsync(Actor.System(admin), path, new ImportOptions(), null, CancellationToken.None);
        var seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"import: {report.Rows:N0} rows, {report.Created:N0} created, {report.Duplicates.Count} duplicates, {report.Rejected.Count} rejected in {seconds:F1} s");
        var engine = services.GetRequiredService<DocumentStore>().Engine;
        engine.DeleteRange(CrmSets.Customers, CrmSets.Customers["Created"], new KeyRange(Keys.Time(before.AddSeconds(-1)), Keys.Last));
        File.Delete(path);
        return (report.Rows, report.Created, seconds);
    }
}

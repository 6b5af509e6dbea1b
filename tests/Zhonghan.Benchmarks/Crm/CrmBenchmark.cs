using Zhonghan.Storage;
using Zhonghan.Storage.LiteDb;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zhonghan.Bot.Hosting;
using Zhonghan.Bot.Import;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Import;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;
using Zhonghan.Core.Time;

namespace Zhonghan.Benchmarks.Crm;

/// <summary>
/// Issue 2's figures: a 跟进 chat turn (in-process, through the whole pipeline) p50/p99, a 400-follow-up timeline,
/// the due-follow-up queries and the import of 100,000 leads, on a generated CRM
/// (default 100,000 customers and 1,000,000 follow-ups; --customers / --followups / --turns change it).
/// </summary>
public sealed class CrmBenchmark : IBenchmark
{
    public string Name => "crm";
    public string Description => "跟进 turns, timeline, due queries and lead import at scale (--customers N --followups M --turns T --import K)";

    public async Task<int> RunAsync(string[] args)
    {
        var customers = Arg(args, "--customers", 100_000);
        var followUps = Arg(args, "--followups", 1_000_000);
        var turns = Arg(args, "--turns", 3_000);
        var importRows = Arg(args, "--import", 100_000);
        var opportunityCount = Arg(args, "--opportunities", 20_000);
        var dir = Path.Combine(Path.GetTempPath(), "zhonghan-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"CRM benchmark: {customers:N0} customers, {followUps:N0} follow-ups, {turns:N0} turns, import {importRows:N0}; data in {dir}");
        try
        {
            CrmData.Result data;
            SalesData.Result sales;
            var sw = Stopwatch.StartNew();
            using (var db = new DocumentStore(LiteDbEngine.OpenFolder(dir)))
            {
                data = CrmData.Generate(db, customers, followUps, TimeProvider.System);
                sales = SalesData.Generate(db, data, opportunityCount, TimeProvider.System);
            }
            Console.WriteLine($"generated in {sw.Elapsed.TotalSeconds:F1} s; file {new FileInfo(Path.Combine(dir, LiteDbEngine.FileName)).Length / 1e6:F0} MB");

            var builder = Host.CreateApplicationBuilder(BotConfiguration.TranslateArgs(["--data", dir, "--Zhonghan:SeedDemoData=false", "--Zhonghan:ConsoleLog=false", "--Serilog:MinimumLevel:Default=Warning"]));
            builder.AddBotServices();
            using var host = builder.Build();
            await host.StartAsync();
            var results = new List<(Stats Stats, string Target)>();
            results.Add((await Turns(host.Services, data, turns, "跟进 turn (in-process pipeline)", (c, i) => $"跟进 {c.Company} 电话沟通第{i}次 下次 下周三"), "p99 ≤ 5 ms"));
            results.Add((await Turns(host.Services, data, Math.Min(turns, 1000), "客户 card turn", (c, _) => $"客户 {c.Company}"), "—"));
            results.Add((await Turns(host.Services, data, Math.Min(turns, 1000), "今日待办 turn", (_, _) => "今日待办"), "—"));
            results.Add((await SalesTurns.Advance(host.Services, data, sales, Math.Min(turns, sales.Advanceable.Count)), "p99 ≤ 5 ms"));
            results.Add((await SalesTurns.Payment(host.Services, data, sales, Math.Min(turns, 2000)), "p99 ≤ 5 ms"));
            results.Add((SalesTurns.Funnel(host.Services), "≤ 200 ms"));
            results.Add((Timeline(host.Services, data, 400), "≤ 2 ms"));
            results.Add((Timeline(host.Services, data, 5), "—"));
            results.AddRange(DueQueries(host.Services, data));
            var import = ImportLeads(host.Services, dir, importRows);

            Console.WriteLine();
            Console.WriteLine(Stats.Header);
            foreach (var (stats, target) in results) Console.WriteLine(stats.Row(target));
            Console.WriteLine($"| import {import.Rows:N0} leads (csv → checked → one transaction) | 1 | {import.Seconds:F1} s total | | | | ≤ 10 s |");
            Console.WriteLine($"\nworking set {Process.GetCurrentProcess().WorkingSet64 / 1e6:F0} MB; file {new FileInfo(Path.Combine(dir, LiteDbEngine.FileName)).Length / 1e6:F0} MB; import created {import.Created:N0}");
            await host.StopAsync();
            return 0;
        }
        finally
        {
            if (!args.Contains("--keep")) Directory.Delete(dir, recursive: true);
        }
    }

    internal static async Task<Stats> Turns(IServiceProvider services, CrmData.Result data, int count, string name, Func<Customer, int, string> text)
    {
        var pipeline = services.GetRequiredService<IBot>();
        var rng = new Random(7);
        var stats = new Stats(name);
        // Which turns a garbage collection ran in: the tail of a short turn is mostly collections.
        var withGc = new Stats("  … the turns a GC ran in");
        var gcPause = TimeSpan.Zero;
        long allocated = 0;
        // Enough warm-up for tiered JIT to settle (hot methods are recompiled after their first calls).
        var warmup = Math.Min(1000, count / 3);
        for (var i = 0; i < count + warmup; i++)
        {
            var rep = data.Reps[rng.Next(data.Reps.Count)];
            var mine = data.ByOwner[rep.Id];
            var customer = mine[rng.Next(mine.Count)];
            var turn = new Turn
            {
                Channel = Channels.Local, MessageId = Guid.NewGuid().ToString("N"), SenderId = rep.LocalName,
                Address = ConversationAddress.For(Channels.Local, rep.LocalName), Text = text(customer, i),
            };
            var gcs = GC.CollectionCount(0);
            var paused = GC.GetTotalPauseDuration();
            var bytes = GC.GetTotalAllocatedBytes();
            var start = Stopwatch.GetTimestamp();
            var result = await pipeline.OnTurnAsync(turn, CancellationToken.None);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= warmup)
            {
                stats.Add(ms);
                if (GC.CollectionCount(0) != gcs) withGc.Add(ms);
                gcPause += GC.GetTotalPauseDuration() - paused;
                allocated += GC.GetTotalAllocatedBytes() - bytes;
            }
            if (i == warmup) Console.WriteLine($"  sample reply ({name}): {result.Replies[0].Text.Split('\n')[0]}");
        }
        Console.WriteLine(stats);
        Console.WriteLine($"{withGc} ({100.0 * withGc.Count / Math.Max(1, stats.Count):F1} % of turns; GC pauses {gcPause.TotalMilliseconds:F0} ms in all; {allocated / 1024.0 / Math.Max(1, stats.Count):F0} KB allocated per turn)");
        return stats;
    }

    private static Stats Timeline(IServiceProvider services, CrmData.Result data, int size)
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

    private static IEnumerable<(Stats, string)> DueQueries(IServiceProvider services, CrmData.Result data)
    {
        var customers = services.GetRequiredService<CustomerService>();
        var clock = TimeProvider.System;
        var endOfToday = BusinessTime.StartOfDayUtc(BusinessTime.Today(clock).AddDays(1));
        var rng = new Random(11);
        var perRep = new Stats("due query: one rep's due + overdue (今日待办)");
        var window = new Stats("due scan: everyone's follow-ups due in the 09:00 minute of a day");
        var day = new Stats("due scan: everyone's follow-ups due in one day");
        for (var i = 0; i < 1000; i++)
        {
            var rep = data.Reps[rng.Next(data.Reps.Count)];
            perRep.Measure(() => customers.DueFor(rep, endOfToday).Count);
            var from = BusinessTime.DueUtc(BusinessTime.Today(clock).AddDays(rng.Next(-5, 30)));
            window.Measure(() => customers.DueBetween(from, from.AddMinutes(1)).Take(10_000).Count());
            if (i < 100) day.Measure(() => customers.DueBetween(from.AddHours(-9), from.AddHours(15)).Count());
        }
        Console.WriteLine(perRep);
        Console.WriteLine(window);
        Console.WriteLine(day);
        return [(perRep, "≤ 10 ms"), (window, "—"), (day, "—")];
    }

    private static (int Rows, int Created, double Seconds) ImportLeads(IServiceProvider services, string dir, int rows)
    {
        var path = Path.Combine(dir, "import.csv");
        var sb = new StringBuilder("公司名称,联系人,手机,行业,地区\n");
        for (var i = 0; i < rows; i++) sb.Append($"导入测试{i}号电子科技有限公司,联系人{i},137{i:D8},电子,苏州\n");
        File.WriteAllText(path, sb.ToString());
        var admin = services.GetRequiredService<UserDirectory>().WithRole(Role.Admin).First();
        var sw = Stopwatch.StartNew();
        var report = services.GetRequiredService<LeadImportRunner>().RunAsync(Actor.System(admin), path, new ImportOptions(), null, CancellationToken.None).GetAwaiter().GetResult();
        var seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"import: {report.Rows:N0} rows, {report.Created:N0} created, {report.Duplicates.Count} duplicates, {report.Rejected.Count} rejected in {seconds:F1} s");
        return (report.Rows, report.Created, seconds);
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}

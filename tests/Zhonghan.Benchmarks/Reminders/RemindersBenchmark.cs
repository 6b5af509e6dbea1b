using Zhonghan.Storage;
using Zhonghan.Storage.LiteDb;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Zhonghan.Benchmarks.Crm;
using Zhonghan.Bot.Hosting;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Reminders;
using Zhonghan.Core.Storage;
using Zhonghan.Core.Time;

namespace Zhonghan.Benchmarks.Reminders;

/// <summary>
/// Issue 7's figures on a generated CRM (default 1,000,000 customers, 10,000,000 follow-ups): the minute's due scan,
/// and 10,000 reminders due in the same minute delivered (batched per rep) to a fake channel.
/// </summary>
public sealed class RemindersBenchmark : IBenchmark
{
    public string Name => "reminders";
    public string Description => "due scan and 10,000 reminders in one minute (--customers N --followups M --due K)";

    public async Task<int> RunAsync(string[] args)
    {
        var customers = Arg(args, "--customers", 1_000_000);
        var followUps = Arg(args, "--followups", 10_000_000);
        var dueCount = Arg(args, "--due", 10_000);
        var dir = Path.Combine(Path.GetTempPath(), "zhonghan-bench-rem-" + Guid.NewGuid().ToString("N")[..8]);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 30, 0, TimeSpan.Zero));
        Console.WriteLine($"Reminders benchmark: {customers:N0} customers, {followUps:N0} follow-ups, {dueCount:N0} due in one minute; data in {dir}");
        try
        {
            var sw = Stopwatch.StartNew();
            CrmData.Result data;
            var engine = LiteDbEngine.OpenFolder(dir);
            data = CrmData.Generate(engine, customers, followUps, clock);
            using (new DocumentStore(engine)) { } // builds the indexes after loading
            Console.WriteLine($"generated in {sw.Elapsed.TotalSeconds:F0} s; file {new FileInfo(Path.Combine(dir, LiteDbEngine.FileName)).Length / 1e9:F2} GB");

            var channel = new FakeChannel(TimeSpan.FromMilliseconds(20));
            var builder = Host.CreateApplicationBuilder(BotConfiguration.TranslateArgs(["--data", dir, "--Zhonghan:SeedDemoData=false",
                "--Zhonghan:ConsoleLog=false", "--Reminders:Scheduler=false", "--Serilog:MinimumLevel:Default=Warning"]));
            builder.AddBotServices();
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            builder.Services.AddSingleton<IMessenger>(channel);
            using var host = builder.Build();
            await host.StartAsync();
            var services = host.Services;

            // The first scan covers the catch-up window; then one scan per minute, as the job runs.
            var followUpScan = services.GetRequiredService<FollowUpReminders>();
            followUpScan.Due(clock.GetUtcNow().UtcDateTime);
            followUpScan.SaveWatermarks();
            var scan = new Stats("due scan: one minute's window (index range + filter)");
            for (var i = 0; i < 500; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                var now = clock.GetUtcNow().UtcDateTime;
                scan.Measure(() => { var n = followUpScan.Due(now).Count; followUpScan.SaveWatermarks(); return n; });
            }
            Console.WriteLine(scan);

            // 10,000 plans due in the same minute, over the reps' customers; the scans have run up to the minute before.
            var db2 = services.GetRequiredService<DocumentStore>();
            var at = BusinessTime.ToUtc(BusinessTime.LocalNow(clock).Date.AddDays(1).AddHours(10));
            clock.SetUtcNow(at.AddMinutes(-1));
            followUpScan.Due(at.AddMinutes(-1));
            followUpScan.SaveWatermarks();
            var picked = data.Owned.OrderBy(c => c.Id % 7919).Take(dueCount).ToList();
            await db2.Units.RunAsync(() =>
            {
                foreach (var id in picked.Select(c => c.Id))
                {
                    var c = db2.Customers.Get(id)!;
                    c.NextFollowUpAt = at;
                    c.NextFollowUpDateOnly = false;
                    db2.Customers.Save(c);
                }
            }, CancellationToken.None);
            clock.SetUtcNow(at.AddSeconds(1));
            var tick = services.GetRequiredService<ReminderTick>();
            var start = Stopwatch.GetTimestamp();
            var messages = await tick.RunAsync(CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var items = channel.Sends.Sum(s => s.Items);
            Console.WriteLine($"\n{Stats.Header}");
            Console.WriteLine(scan.Row("≤ 10 ms"));
            Console.WriteLine($"| {dueCount:N0} reminders due in one minute → {messages} messages (one per rep), {channel.Sends.Count} sends, {items:N0} items | 1 | {elapsed:F1} s total | | | | ≤ 60 s |");
            Console.WriteLine($"reps reached: {channel.Sends.Select(s => s.User).Distinct().Count()}; largest message {channel.Sends.Max(s => s.Items)} items; working set {Process.GetCurrentProcess().WorkingSet64 / 1e6:F0} MB");
            await host.StopAsync();
            return 0;
        }
        finally
        {
            if (!args.Contains("--keep")) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A channel that takes a little time per send (as a network call would) and records what it got.</summary>
    private sealed class FakeChannel(TimeSpan latency) : IMessenger
    {
        public ConcurrentQueue<(string User, int Items)> Sends { get; } = new();
        public string Channel => Channels.Local;

        public async Task<SendResult> SendAsync(ConversationAddress to, IReadOnlyList<Reply> replies, SendOptions options, CancellationToken ct)
        {
            await Task.Delay(latency, ct);
            var items = replies.Sum(r => Math.Max(1, r.Card?.Lines.Count ?? 1));
            Sends.Enqueue((to.UserId, items));
            return SendResult.Success();
        }
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}

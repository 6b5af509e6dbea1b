using System.Diagnostics;
using Zhonghan.Benchmarks.Storage;
using Zhonghan.Storage;

namespace Zhonghan.Benchmarks.Crm;

/// <summary>
/// Issues 2, 3, 12 and 13: chat turns, the manager's views, the due queries and the lead import on a generated CRM
/// (default 100,000 customers, 1,000,000 follow-ups, 20,000 opportunities; Zhonghan-1M is
/// <c>--customers 1000000 --followups 10000000 --opportunities 200000</c>). The data is built once — with
/// <c>--reuse DIR</c>, kept there and reused by later runs — and the turns are timed in a fresh process that did not
/// build it, as a bot in production would be.
/// </summary>
public sealed class CrmBenchmark : IBenchmark
{
    public string Name => "crm";
    public string Description => "chat turns, views, due queries and import at scale (--customers N --followups M --opportunities K --turns T --import I [--reuse DIR] [--store postgres --pg CONNECTION])";

    public async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--timed")) return await CrmTimed.RunAsync(args);
        var customers = Arg(args, "--customers", 100_000);
        var followUps = Arg(args, "--followups", 1_000_000);
        var opportunities = Arg(args, "--opportunities", 20_000);
        var store = BenchStore.From(args);
        var reuse = Option(args, "--reuse");
        var dir = reuse is null ? Path.Combine(Path.GetTempPath(), "zhonghan-bench-" + Guid.NewGuid().ToString("N")[..8]) : Path.GetFullPath(reuse);
        Console.WriteLine($"CRM benchmark on {store.Name}: {customers:N0} customers, {followUps:N0} follow-ups, {opportunities:N0} opportunities; data in {dir}");
        try
        {
            var data = DataSet.Load(dir);
            if (data is null || !data.Matches(customers, followUps, opportunities, store.Name))
            {
                if (data is not null || (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any()))
                    throw new InvalidOperationException($"{dir} holds other data; give an empty or new folder to --reuse.");
                data = Generate(store, dir, customers, followUps, opportunities);
                data.Save(dir);
            }
            else Console.WriteLine($"reusing the data built in {data.GeneratedSeconds:F0} s");
            return await TimeInChildAsync(args, dir);
        }
        finally
        {
            if (reuse is null && !args.Contains("--keep")) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Bulk loads into the bare engine; LiteDB's indexes are built once, after loading (faster than row by row).</summary>
    private static DataSet Generate(BenchStore store, string dir, int customers, int followUps, int opportunities)
    {
        Directory.CreateDirectory(dir);
        var sw = Stopwatch.StartNew();
        var engine = store.Open(dir);
        if (store.Pg is not null) engine.EnsureSchema(Zhonghan.Storage.Schema.Sets.All); // PostgreSQL's COPY needs the tables
        var crm = CrmData.Generate(engine, customers, followUps, TimeProvider.System);
        Console.WriteLine($"  customers and follow-ups loaded in {sw.Elapsed.TotalSeconds:F0} s");
        var sales = SalesData.Generate(engine, crm, opportunities, TimeProvider.System);
        Console.WriteLine($"  opportunities and invoices loaded in {sw.Elapsed.TotalSeconds:F0} s");
        using (new DocumentStore(engine)) { } // builds the indexes and the funnel counts, then closes
        var seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"generated in {seconds:F0} s; {store.Size(dir)}");
        return new DataSet
        {
            Customers = customers, FollowUps = followUps, Opportunities = opportunities, Store = store.Name, GeneratedSeconds = seconds,
            TimelineCustomerId = crm.TimelineCustomerId, SampleByRep = crm.SampleByRep, Advanceable = sales.Advanceable, WithInvoices = sales.WithInvoices,
        };
    }

    /// <summary>Runs the timed part in a new process of this program (same options, plus --timed --data DIR).</summary>
    private static async Task<int> TimeInChildAsync(string[] args, string dir)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") psi.ArgumentList.Add(typeof(CrmBenchmark).Assembly.Location);
        foreach (var a in new[] { "crm" }.Concat(args).Concat(["--timed", "--data", dir])) psi.ArgumentList.Add(a);
        using var child = Process.Start(psi)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    internal static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

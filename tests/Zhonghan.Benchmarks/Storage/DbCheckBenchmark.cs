using System.Diagnostics;
using Zhonghan.Benchmarks.Crm;
using Zhonghan.Storage.LiteDb;

namespace Zhonghan.Benchmarks.Storage;

/// <summary>
/// The database check at start (full and quick), a backup and a restore on a generated CRM of a given size:
/// what a start costs and where <c>Zhonghan:StartupCheck=Auto</c> switches to the quick check.
/// </summary>
public sealed class DbCheckBenchmark : IBenchmark
{
    public string Name => "dbcheck";
    public string Description => "start-up database check (full, quick), backup and restore [--customers N] [--followups N]";

    public Task<int> RunAsync(string[] args)
    {
        var customers = Arg(args, "--customers", 100_000);
        var followUps = Arg(args, "--followups", customers * 4);
        var dir = Path.Combine(Path.GetTempPath(), "zhonghan-dbcheck-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, LiteDbEngine.FileName);
            var watch = Stopwatch.StartNew();
            var engine = LiteDbEngine.OpenFile(file);
            CrmData.Generate(engine, customers, followUps, TimeProvider.System);
            using (new Zhonghan.Storage.DocumentStore(engine)) { } // builds the indexes after loading
            Console.WriteLine($"generated {customers:N0} customers, {followUps:N0} follow-ups in {watch.Elapsed.TotalSeconds:F1} s; file {new FileInfo(file).Length / 1e6:F0} MB");

            foreach (var depth in new[] { DbCheckDepth.Full, DbCheckDepth.Quick })
            {
                watch.Restart();
                var report = DbMaintenance.Check(file, depth);
                Console.WriteLine($"check {depth,-5}: {watch.Elapsed.TotalSeconds,6:F2} s  healthy={report.Healthy}");
            }
            string backup;
            using (var db = LiteDbEngine.OpenFile(file))
            {
                watch.Restart();
                backup = db.BackupTo(Path.Combine(dir, "backups"), TimeProvider.System.GetUtcNow());
                Console.WriteLine($"backup     : {watch.Elapsed.TotalSeconds,6:F2} s  (checkpoint, copy, full check of the copy)");
            }
            watch.Restart();
            DbMaintenance.Restore(file, backup, TimeProvider.System.GetUtcNow());
            Console.WriteLine($"restore    : {watch.Elapsed.TotalSeconds,6:F2} s  (full check of the backup, move aside, copy)");
            return Task.FromResult(0);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}

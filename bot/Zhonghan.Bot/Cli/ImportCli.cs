using Zhonghan.Bot.Import;
using Zhonghan.Core.Import;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Cli;

/// <summary><c>import leads FILE</c>: imports leads from .xlsx or .csv, prints the summary and writes the full report next to the file.</summary>
public static class ImportCli
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var positional = args.Where((a, i) => !a.StartsWith("--") && (i == 0 || !args[i - 1].StartsWith("--") || args[i - 1] is "--strict" or "--dry-run")).ToList();
        if (positional.Count < 2 || positional[0] != "leads")
        {
            Console.Error.WriteLine("用法：import leads FILE [--owner USER] [--source 来源] [--map 表头=字段]... [--strict] [--dry-run] [--as USER]");
            Console.Error.WriteLine("字段：company contactname contactrole contacttitle phone wechat email industry region importance source owner");
            return 2;
        }
        var users = services.GetRequiredService<UserDirectory>();
        var asName = CliCommands.Option(args, "--as");
        var actorUser = asName is null ? users.WithRole(Role.Admin).FirstOrDefault() : users.Find(asName);
        if (actorUser is null)
        {
            Console.Error.WriteLine(asName is null ? "❌ 系统里没有管理员账号，请用 --as 指定导入人。" : $"❌ 没有用户 {asName}。");
            return 2;
        }
        // --owner: every row without a 负责人 goes to this rep instead of the pool (a clear error when it cannot).
        var owner = CliCommands.Option(args, "--owner") is { } ownerName ? services.GetRequiredService<ImportOwners>().ResolveDefault(ownerName) : null;
        var map = new Dictionary<string, string>();
        foreach (var m in CliCommands.Options(args, "--map"))
        {
            var eq = m.IndexOf('=');
            if (eq <= 0) { Console.Error.WriteLine($"❌ --map 的格式是 表头=字段：{m}"); return 2; }
            map[m[..eq].Trim()] = m[(eq + 1)..].Trim();
        }
        var options = new ImportOptions
        {
            DefaultOwner = owner, DefaultSource = CliCommands.Option(args, "--source"),
            Strict = CliCommands.Flag(args, "--strict"), DryRun = CliCommands.Flag(args, "--dry-run"),
        };
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (report, reportPath) = await services.GetRequiredService<LeadImportRunner>().RunWithReportAsync(Actor.System(actorUser), positional[1], options, ct, map);
        Console.WriteLine(LeadImportRunner.Render(report, options.DryRun));
        Console.WriteLine($"完整报告（每一行的结果和原因）：{reportPath}");
        Console.WriteLine($"用时 {started.Elapsed.TotalSeconds:F1} 秒");
        return report.Aborted is null ? 0 : 1;
    }
}

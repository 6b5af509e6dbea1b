using Zhonghan.Bot.Hosting;

namespace Zhonghan.Bot.Cli;

/// <summary>
/// The command line: <c>chat --user NAME</c> (terminal chat), <c>import leads FILE [options]</c>. Other rooms add
/// their verbs to <see cref="Verbs"/>. Each verb runs on the same services as the web host, without the web server.
/// </summary>
public static class CliCommands
{
    public delegate Task<int> Verb(IServiceProvider services, string[] args, CancellationToken ct);

    public static readonly Dictionary<string, (string Help, Verb Run)> Verbs = new()
    {
        ["chat"] = ("chat --user NAME            在终端里和机器人对话", TerminalChat.RunAsync),
        ["import"] = ("import leads FILE [--owner USER] [--source S] [--map 表头=字段]... [--strict] [--dry-run]  批量导入线索", ImportCli.RunAsync),
        ["kb"] = (Knowledge.KbCli.Help, Knowledge.KbCli.RunAsync),
    };

    public static bool Handles(string[] args) => args.Length > 0 && (Verbs.ContainsKey(args[0]) || args[0] is "db" or "--help" or "-h" or "help");

    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        // The database verbs run without the bot's services: a damaged file must not be opened by them.
        if (args[0] == "db") return await DbCli.RunAsync(args[1..], cts.Token);
        if (!Verbs.TryGetValue(args[0], out var verb))
        {
            Console.WriteLine("用法：dotnet run --project bot/Zhonghan.Bot [-- <命令>]");
            Console.WriteLine("  （无命令）                  启动机器人（http://localhost:5080）");
            foreach (var (_, v) in Verbs) Console.WriteLine("  " + v.Help);
            Console.WriteLine("  " + DbCli.Help);
            Console.WriteLine("通用选项：--data DIR 数据目录（默认 ./data）");
            return 0;
        }
        var builder = Host.CreateApplicationBuilder(BotConfiguration.SettingsOnly(args[1..]));
        builder.Configuration["Zhonghan:ConsoleLog"] ??= "false";
        // Scheduled pushes belong to the running bot, not to a command-line run on the same data.
        builder.Configuration["Reminders:Scheduler"] ??= "false";
        try
        {
            var folder = DataStartup.Open(builder.Configuration);
            builder.Services.AddSingleton(_ => folder); // a factory, so that the container disposes it (and frees the folder)
            if (DataStartup.OpenStore(builder.Configuration, folder) is { } started) builder.Services.AddSingleton(started);
        }
        catch (StartRefusedException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        builder.AddBotServices();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            return await verb.Run(host.Services, args[1..], cts.Token);
        }
        catch (Zhonghan.Core.CrmException e)
        {
            Console.Error.WriteLine("❌ " + e.Message);
            return 2;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>The value after <paramref name="name"/> (e.g. --user zhangsan), or null.</summary>
    public static string? Option(string[] args, string name)
    {
        for (var i = 0; i < args.Length - 1; i++) if (args[i] == name) return args[i + 1];
        var prefix = name + "=";
        return args.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
    }

    public static IEnumerable<string> Options(string[] args, string name)
    {
        for (var i = 0; i < args.Length - 1; i++) if (args[i] == name) yield return args[i + 1];
    }

    public static bool Flag(string[] args, string name) => args.Contains(name);
}

using Zhonghan.Bot.Cli;
using Zhonghan.Bot.Hosting;

// `dotnet run --project bot/Zhonghan.Bot` serves the bot; `-- chat --user X`, `-- import leads FILE` are the CLI.
if (CliCommands.Handles(args)) return await CliCommands.RunAsync(args);

WebApplication app;
try
{
    app = BotApp.Build(args);
}
catch (StartRefusedException e)
{
    // One line and exit code 2 (a supervisor should not restart it in a loop): a busy or damaged data folder.
    Console.Error.WriteLine(e.Message);
    return 2;
}
try
{
    await app.RunAsync();
}
catch (Quartz.SchedulerException e)
{
    // The clustered schedule's tables cannot be created or do not match this Quartz: one line, like the other refusals.
    Console.Error.WriteLine(DataStartup.OneLine($"❌ Quartz 调度表有问题，机器人没有启动 / the Quartz schedule tables are not usable: {e.Message}"));
    return 2;
}
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;

using Zhonghan.Bot.Cli;
using Zhonghan.Bot.Hosting;

// `dotnet run --project bot/Zhonghan.Bot` serves the bot; `-- chat --user X`, `-- import leads FILE` are the CLI.
if (CliCommands.Handles(args)) return await CliCommands.RunAsync(args);

var app = BotApp.Build(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;

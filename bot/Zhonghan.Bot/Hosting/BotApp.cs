using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog;
using Zhonghan.Adapters.Teams;
using Zhonghan.Adapters.WeCom;
using Zhonghan.Bot.Jobs;
using Zhonghan.Bot.Knowledge;
using Zhonghan.Bot.LocalChat;
using Zhonghan.Bot.Sales;
using Zhonghan.Storage.LiteDb;

namespace Zhonghan.Bot.Hosting;

/// <summary>Builds the web host: configuration, Serilog, the rooms' services, and the endpoints.</summary>
public static class BotApp
{
    public const string DefaultUrls = "http://localhost:5080";

    /// <param name="configure">Runs after the bot's services are added (tests replace the clock or a channel here).</param>
    /// <exception cref="StartRefusedException">The data folder is busy or its database damaged (one line to show).</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(BotConfiguration.TranslateArgs(args));
        var urls = builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"];
        if (string.IsNullOrWhiteSpace(urls) && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"]))
            builder.WebHost.UseUrls(DefaultUrls);
        var folder = DataStartup.Open(builder.Configuration);
        builder.Services.AddSingleton(_ => folder); // a factory, so that the container disposes it (and frees the folder)
        if (DataStartup.OpenStore(builder.Configuration, folder) is { } started) builder.Services.AddSingleton(started);
        builder.AddBotServices();
        builder.Services.AddLocalChatMode();
        builder.Services.AddSingleton<AdminAccess>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AdminAccess>());
        builder.Services.AddBotHealthChecks();
        // The server's own: turns acknowledged but unfinished at the last stop are run again (not by CLI verbs).
        builder.Services.AddHostedService<Pipeline.TurnInboxRecovery>();
        configure?.Invoke(builder);

        var app = builder.Build();
        // Each host has its own logger (tests run several at once): request logging uses it, not the static one.
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetService<Serilog.ILogger>());
        app.MapBotHealth();
        app.MapLocalChat();
        AdminAccess.MapAdmin(app);
        app.MapBotEndpoints();
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Services.GetRequiredService<ILogger<LocalChatMode>>().LogInformation("{LocalChat}", app.Services.GetRequiredService<LocalChatMode>().Decision?.Description));
        return app;
    }

    /// <summary>Everything but the endpoints: shared by the web host and the CLI.</summary>
    public static void AddBotServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSerilog((sp, lc) =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            BotConfiguration.ConfigureLogging(lc, config, BotConfiguration.DataDir(config));
        }, preserveStaticLogger: true);
        // The web host and the CLI take the folder (and check the database) before building; a bare host takes it here.
        var dataDir = BotConfiguration.DataDir(builder.Configuration);
        builder.Services.TryAddSingleton(_ => DataFolder.Acquire(dataDir));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddCrmCore();
        builder.Services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section)
            .Validate(o => o.Keep >= 0, "Backup:Keep must not be negative.").ValidateOnStart();
        builder.Services.AddSingleton<DbBackups>();
        builder.Services.AddTurnPipeline();
        builder.Services.AddSales();
        builder.Services.AddReminders(builder.Configuration);
        builder.AddWeCom();
        builder.AddTeams();
        builder.Services.AddKnowledgeRoom();
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddHostedService<ChannelShutdown>(); // last: stops first
    }

    /// <summary>Endpoints of the other rooms (channels, knowledge) are mapped here.</summary>
    public static void MapBotEndpoints(this WebApplication app)
    {
        app.MapWeCom();
        app.MapTeams();
        app.MapKnowledge();
    }
}

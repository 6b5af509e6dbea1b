using Serilog;
using Zhonghan.Bot.WeCom;
using Zhonghan.Bot.Knowledge;
using Zhonghan.Bot.LocalChat;
using Zhonghan.Bot.Jobs;
using Zhonghan.Bot.Sales;
using Zhonghan.Bot.Teams;

namespace Zhonghan.Bot.Hosting;

/// <summary>Builds the web host: configuration, Serilog, the rooms' services, and the endpoints.</summary>
public static class BotApp
{
    public const string DefaultUrls = "http://localhost:5080";

    /// <param name="configure">Runs after the bot's services are added (tests replace the clock or a channel here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(BotConfiguration.TranslateArgs(args));
        var urls = builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"];
        if (string.IsNullOrWhiteSpace(urls) && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"]))
        {
            urls = DefaultUrls;
            builder.WebHost.UseUrls(urls);
        }
        builder.AddBotServices(urls ?? DefaultUrls);
        configure?.Invoke(builder);

        var app = builder.Build();
        // Each host has its own logger (tests run several at once): request logging uses it, not the static one.
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetService<Serilog.ILogger>());
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapLocalChat();
        app.MapBotEndpoints();
        return app;
    }

    /// <summary>Everything but the endpoints: shared by the web host and the CLI.</summary>
    public static void AddBotServices(this IHostApplicationBuilder builder, string urls)
    {
        builder.Services.AddSerilog((sp, lc) =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            BotConfiguration.ConfigureLogging(lc, config, BotConfiguration.DataDir(config));
        }, preserveStaticLogger: true);
        builder.Services.AddSingleton(sp => new LocalChatMode(urls,
            sp.GetRequiredService<IConfiguration>().GetSection(LocalChatOptions.Section).Get<LocalChatOptions>() ?? new()));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddCrmCore();
        builder.Services.AddTurnPipeline();
        builder.Services.AddSales();
        builder.Services.AddReminders(builder.Configuration);
        builder.AddWeComChannel();
        builder.AddTeamsChannel();
        builder.Services.AddKnowledgeRoom();
        builder.Services.AddHostedService<StartupTasks>();
    }

    /// <summary>Endpoints of the other rooms (channels, knowledge) are mapped here.</summary>
    public static void MapBotEndpoints(this WebApplication app)
    {
        app.MapWeComChannel();
        app.MapTeamsChannel();
        app.MapKnowledge();
    }
}

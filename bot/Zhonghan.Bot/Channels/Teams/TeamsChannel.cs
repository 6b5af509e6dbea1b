using Zhonghan.Adapters.Teams;
using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Hosting;

// Not "Zhonghan.Bot.Channels.Teams": a Zhonghan.Bot.Channels namespace would hide the core Channels constants from the bot.
namespace Zhonghan.Bot.Teams;

/// <summary>Whether the Teams channel is on, decided once at start from the "Teams" settings.</summary>
public sealed record TeamsChannelStatus(bool Enabled, bool Unauthenticated, string Description);

/// <summary>
/// The Teams channel's wiring: <c>builder.AddTeamsChannel()</c> and <c>app.MapTeamsChannel()</c>. On when
/// <c>Teams:AppId</c> is set (or <c>Teams:AllowUnauthenticated=true</c> for a local emulator); off, the endpoint answers
/// 503 and no Teams messenger exists, so proactive messages use the other channels.
/// </summary>
public static class TeamsChannel
{
    public const string Endpoint = "/api/messages";

    public static IHostApplicationBuilder AddTeamsChannel(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TeamsOptions.Section).Get<TeamsOptions>() ?? new TeamsOptions();
        builder.Services.AddSingleton(Status(options));
        builder.Services.AddCommand<BindTeamsCommand>();
        if (!options.Enabled)
        {
            builder.Services.AddTeamsOptions();
            return builder;
        }
        builder.Services.AddTeamsAdapter();
        builder.Services.AddSingleton<TeamsEndpoint>();
        return builder;
    }

    public static WebApplication MapTeamsChannel(this WebApplication app)
    {
        var status = app.Services.GetRequiredService<TeamsChannelStatus>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Zhonghan.Bot.Channels.Teams");
        if (status.Unauthenticated) log.LogWarning("{Teams}", status.Description);
        else log.LogInformation("{Teams}", status.Description);

        if (!status.Enabled)
        {
            app.MapPost(Endpoint, () => Results.Json(new
            {
                error = "Teams 渠道未启用：请设置 Teams:AppId 和 Teams:AppPassword（见 docs/teams.md）。",
                errorEn = "The Teams channel is off: set Teams:AppId and Teams:AppPassword (see docs/teams.md).",
            }, statusCode: StatusCodes.Status503ServiceUnavailable));
            return app;
        }
        var endpoint = app.Services.GetRequiredService<TeamsEndpoint>();
        app.MapPost(Endpoint, (Delegate)((HttpContext http) => endpoint.HandleAsync(http)));
        return app;
    }

    private static TeamsChannelStatus Status(TeamsOptions o) => o switch
    {
        { HasAppId: true, AllowUnauthenticated: false } => new(true, false, $"Teams 渠道已开启（{Endpoint}，AppId {o.AppId}）"),
        { HasAppId: true } => new(true, true,
            $"Teams 渠道已开启，但 Teams:AllowUnauthenticated=true：不带令牌的请求也会被接受，仅可用于本地模拟器，切勿对外开放（{Endpoint}）"),
        { AllowUnauthenticated: true } => new(true, true,
            $"Teams 渠道以无验证模式开启（未设置 Teams:AppId，Teams:AllowUnauthenticated=true）：仅供本地模拟器使用，切勿对外开放（{Endpoint}）"),
        _ => new(false, false, "Teams 渠道未开启（未设置 Teams:AppId）"),
    };
}

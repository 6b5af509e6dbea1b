using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.Teams;

/// <summary>Whether the Teams channel is on, decided once at start from the "Teams" settings.</summary>
public sealed record TeamsChannelStatus(bool Enabled, bool Unauthenticated, string Description);

/// <summary>
/// The Teams channel in a host: <c>builder.AddTeams()</c> and <c>app.MapTeams()</c>. On when <c>Teams:AppId</c> is set
/// (or <c>Teams:AllowUnauthenticated=true</c> for a local emulator); off, the endpoint answers 503 and no Teams
/// messenger exists, so proactive messages use the other channels. The host provides <see cref="IBot"/>,
/// <see cref="ChannelWork"/> and <see cref="LogThrottle"/>.
/// </summary>
public static class TeamsEndpoints
{
    public const string Endpoint = "/api/messages";

    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TeamsOptions.Section).Get<TeamsOptions>() ?? new TeamsOptions();
        builder.Services.AddSingleton(Status(options));
        if (!options.Enabled)
        {
            builder.Services.AddTeamsOptions();
            return builder;
        }
        builder.Services.AddTeamsAdapter();
        return builder;
    }

    public static WebApplication MapTeams(this WebApplication app)
    {
        var status = app.Services.GetRequiredService<TeamsChannelStatus>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Zhonghan.Adapters.Teams");
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
        app.MapPost(Endpoint, (HttpContext http, TeamsAdapter adapter, IBot bot) => adapter.ProcessAsync(http, bot));
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

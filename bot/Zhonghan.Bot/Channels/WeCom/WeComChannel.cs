using Zhonghan.Adapters.WeCom;
using Zhonghan.Adapters.WeCom.Kf;

// Namespace Zhonghan.Bot.WeCom, not …Channels.WeCom: a Zhonghan.Bot.Channels namespace would hide the core's
// static Channels class (Channels.Local …) from every file in the bot.
namespace Zhonghan.Bot.WeCom;

/// <summary>
/// The WeCom channel in the host. It is on only when <c>WeCom:CorpId</c> is set (then every setting is validated
/// at start); without it the bot runs as before and the callback answers 503 with a note on what to configure.
/// </summary>
public static class WeComChannel
{
    public const string CallbackPath = "/api/wecom/callback";

    public static bool IsConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config[$"{WeComOptions.Section}:CorpId"]);

    public static IHostApplicationBuilder AddWeComChannel(this IHostApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration)) return builder;
        builder.Services.AddWeComAdapter();
        builder.Services.AddSingleton<WeComBackground>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WeComBackground>());
        builder.Services.AddHostedService<WeComHousekeeping>();
        builder.Services.AddSingleton<WeComDelivery>();
        builder.Services.AddSingleton<WeComTurns>();
        builder.Services.AddSingleton<WeComKfDesk>();
        builder.Services.AddSingleton<WeComWelcomes>();
        builder.Services.AddSingleton<WeComCallback>();
        builder.Services.AddHealthChecks().AddCheck<WeComOutboxHealth>("wecom-outbox");
        return builder;
    }

    public static void MapWeComChannel(this WebApplication app)
    {
        if (!IsConfigured(app.Configuration))
        {
            app.MapMethods(CallbackPath, ["GET", "POST"], () => Results.Text(
                "企业微信通道未开启：请设置 WeCom:CorpId、AgentId、Secret、Token、EncodingAESKey（见 docs/wecom.md）。",
                "text/plain", System.Text.Encoding.UTF8, StatusCodes.Status503ServiceUnavailable));
            return;
        }
        app.MapGet(CallbackPath, (HttpContext http, WeComCallback callback) => callback.Verify(http));
        app.MapPost(CallbackPath, (HttpContext http, WeComCallback callback) => callback.ReceiveAsync(http));
    }
}

/// <summary>At start: says the channel is on (old records are forgotten by <see cref="Hosting.Retention"/>).</summary>
public sealed class WeComHousekeeping(ILogger<WeComHousekeeping> log) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        log.LogInformation("企业微信通道已开启（回调地址 {Path}）", WeComChannel.CallbackPath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

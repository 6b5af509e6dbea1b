using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zhonghan.Adapters.WeCom.Messaging;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom;

/// <summary>
/// The WeCom channel in a host: <c>builder.AddWeCom()</c> and <c>app.MapWeCom()</c>. It is on only when
/// <c>WeCom:CorpId</c> is set (then every setting is validated at start); without it the callback answers 503 with a
/// note on what to configure. The host provides <see cref="IBot"/>, <see cref="ChannelWork"/> and <see cref="LogThrottle"/>.
/// </summary>
public static class WeComEndpoints
{
    public const string CallbackPath = "/api/wecom/callback";

    public static bool IsConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config[$"{WeComOptions.Section}:CorpId"]);

    public static IHostApplicationBuilder AddWeCom(this IHostApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration)) return builder;
        builder.Services.AddWeComAdapter();
        builder.Services.AddHostedService<WeComHousekeeping>();
        builder.Services.AddHealthChecks().AddCheck<WeComOutboxHealth>("wecom-outbox");
        return builder;
    }

    public static IEndpointRouteBuilder MapWeCom(this IEndpointRouteBuilder app, IConfiguration config)
    {
        if (!IsConfigured(config))
        {
            app.MapMethods(CallbackPath, ["GET", "POST"], () => Results.Text(
                "企业微信通道未开启：请设置 WeCom:CorpId、AgentId、Secret、Token、EncodingAESKey（见 docs/wecom.md）。",
                "text/plain", System.Text.Encoding.UTF8, StatusCodes.Status503ServiceUnavailable));
            return app;
        }
        app.MapGet(CallbackPath, (HttpContext http, WeComAdapter adapter) => adapter.Verify(http));
        app.MapPost(CallbackPath, (HttpContext http, WeComAdapter adapter, IBot bot) => adapter.ProcessAsync(http, bot));
        return app;
    }

    public static WebApplication MapWeCom(this WebApplication app)
    {
        MapWeCom(app, app.Configuration);
        return app;
    }
}

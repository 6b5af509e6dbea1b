using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Zhonghan.Adapters.WeCom;

/// <summary>
/// At start: says the channel is on and where it listens. The channel's short-lived records (delivery marks, kf sent
/// ids, greetings) are forgotten by the bot's retention table, with everything else that is kept only for a while.
/// </summary>
public sealed class WeComHousekeeping(ILogger<WeComHousekeeping> log) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        log.LogInformation("企业微信通道已开启（回调地址 {Path}）", WeComEndpoints.CallbackPath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Zhonghan.Adapters.WeCom.Kf;
using Zhonghan.Adapters.WeCom.Messaging;
using Zhonghan.Adapters.WeCom.Storage;

namespace Zhonghan.Adapters.WeCom;

/// <summary>At start: forgets delivery records, kf sent ids and greetings older than anyone would retry or need.</summary>
public sealed class WeComHousekeeping(WeComReplies replies, KfStore kf, WeComWelcomes welcomes, ILogger<WeComHousekeeping> log) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        var purged = replies.Purge() + kf.Purge() + welcomes.Purge();
        log.LogInformation("企业微信通道已开启（回调地址 {Path}）{Purged}", WeComEndpoints.CallbackPath, purged > 0 ? $"，清理旧记录 {purged} 条" : "");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

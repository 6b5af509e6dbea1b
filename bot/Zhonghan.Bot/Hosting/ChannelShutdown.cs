using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Hosting;

/// <summary>
/// Stops first (registered last): every channel's background work — slow turns, late replies, syncs — finishes, up
/// to a grace period, before the rest of the bot stops and the database closes.
/// </summary>
public sealed class ChannelShutdown(ChannelWork work) : IHostedService
{
    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StopAsync(CancellationToken ct) => work.DrainAsync(ct);
}

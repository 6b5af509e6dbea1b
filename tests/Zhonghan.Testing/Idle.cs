using Microsoft.Extensions.DependencyInjection;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Reminders;

namespace Zhonghan.Testing;

/// <summary>
/// Drives the bot's background work to idle — channels' late replies, card updates and syncs (<see cref="ChannelWork"/>),
/// then the delivery queue's sends — so a test can assert that nothing more happened without sleeping.
/// </summary>
public static class Idle
{
    public static async Task WaitAsync(IServiceProvider services)
    {
        var work = services.GetRequiredService<ChannelWork>();
        var queue = services.GetRequiredService<DeliveryQueue>();
        do
        {
            await work.IdleAsync();
            await queue.IdleAsync();
        }
        while (work.Running > 0);
    }
}

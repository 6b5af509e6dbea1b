using Zhonghan.Adapters.Teams.Messaging;
using Zhonghan.Adapters.WeCom.Kf;
using Zhonghan.Adapters.WeCom.Messaging;
using Zhonghan.Adapters.WeCom.Storage;
using Zhonghan.Bot.Knowledge;
using Zhonghan.Bot.LocalChat;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Reminders;

namespace Zhonghan.Bot.Hosting;

/// <summary>
/// Everything the bot keeps only for a while: what it is, how long it is kept, and who forgets it — one table, run at
/// start and every night (the maintenance job). Channels that are off are skipped. docs/storage.md lists the same.
/// </summary>
public sealed class Retention(IServiceProvider services, TimeProvider clock, ILogger<Retention> log)
{
    private static readonly TimeSpan Days3 = TimeSpan.FromDays(3);

    public static readonly IReadOnlyList<(string What, TimeSpan Keep, Func<IServiceProvider, TimeSpan, DateTime, int> Purge)> Table =
    [
        ("processed messages: the de-dup record and recorded reply (channels retry within minutes)", Days3,
            (sp, keep, now) => sp.GetRequiredService<IConversationStore>().PurgeProcessed(now - keep)),
        ("proactive messages already sent (the delivery queue)", TimeSpan.FromDays(30),
            (sp, keep, _) => sp.GetRequiredService<DeliveryQueue>().Purge(keep)),
        ("WeCom: which answers went through message/send", Days3, (sp, keep, _) => sp.GetService<WeComReplies>()?.Purge(keep) ?? 0),
        ("WeCom: keys of app messages sent (idempotent sends)", Days3, (sp, keep, _) => sp.GetService<WeComOutbox>()?.PurgeSentKeys(keep) ?? 0),
        ("WeCom: who was greeted today", TimeSpan.FromDays(2), (sp, keep, _) => sp.GetService<WeComWelcomes>()?.Purge(keep) ?? 0),
        ("微信客服: ids of replies sent (WeCom syncs 3 days back)", TimeSpan.FromDays(4), (sp, keep, _) => sp.GetService<KfStore>()?.Purge(keep) ?? 0),
        ("Teams: keys of messages sent", Days3, (sp, keep, _) => sp.GetService<TeamsStore>()?.PurgeSent(keep) ?? 0),
        ("local chat: keys of messages sent", Days3, (sp, keep, _) => sp.GetService<LocalOutbox>()?.Purge(keep) ?? 0),
        ("service bot: a customer's conversation, idle", TimeSpan.FromDays(7), (sp, keep, _) => sp.GetService<CustomerSessions>()?.Purge(keep) ?? 0),
    ];

    /// <summary>Forgets what is past its time; returns how many records.</summary>
    public int Run()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var total = 0;
        foreach (var (what, keep, purge) in Table)
        {
            var n = purge(services, keep, now);
            if (n > 0) log.LogInformation("Forgot {Count} record(s): {What} (kept {Days} days)", n, what, keep.TotalDays);
            total += n;
        }
        return total;
    }
}

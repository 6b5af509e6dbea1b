using Zhonghan.Testing;
using Zhonghan.Testing.Postgres;

namespace Zhonghan.Bot.Tests;

/// <summary>
/// Two bot processes on one PostgreSQL database: what one does, the other sees. Each class has its own database, so
/// the classes run side by side (the reminder ones wait for the minute's tick).
/// </summary>
public abstract class TwoInstances : IDisposable
{
    protected readonly PgTestDatabase? db = PgTest.SkipReason is null ? new PgTestDatabase() : null;

    public void Dispose()
    {
        db?.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class TwoInstanceTests : TwoInstances
{
    [PostgresFact]
    public async Task ALeadCreatedThroughOneInstanceIsListedThroughTheOtherAndANewUserIsKnownToBoth()
    {
        await using var a = await ScaledBot.StartAsync(db!.ConnectionString);
        await using var b = await ScaledBot.StartAsync(db.ConnectionString);
        var created = await a.ChatAsync("zhangsan", "新建线索 苏州双实例电子有限公司 王工 13912345678");
        Assert.Contains(created, r => r.Contains("苏州双实例电子有限公司"));
        Assert.Contains(await b.ChatAsync("zhangsan", "我的线索 2"), r => r.Contains("苏州双实例电子有限公司"));
        Assert.Contains(await b.ChatAsync("zhangsan", "客户 双实例"), r => r.Contains("王工"));

        Assert.Contains(await a.ChatAsync("admin", "添加用户 zhouba 周八 销售 华东销售部"), r => r.Contains("周八"));
        // B learns of the user through the store's change stamp (looked at every 2 seconds), not by a restart.
        Assert.True(await PgQueries.EventuallyAsync(() => !b.ChatAsync("zhouba", "我的线索").Result.Any(r => r.Contains("客户身份")), TimeSpan.FromSeconds(20)));
    }

}

public sealed class TwoInstanceReminderTests : TwoInstances
{
    [PostgresFact]
    public async Task AReminderDueInTheNextMinuteIsDeliveredOnceWithBothRunning()
    {
        await using var a = await ScaledBot.StartAsync(db!.ConnectionString);
        await using var b = await ScaledBot.StartAsync(db.ConnectionString);
        Assert.Contains(await a.ChatAsync("zhangsan", "提醒 1分钟后 给双实例客户回电话"), r => r.Contains("双实例客户"));
        Assert.True(await PgQueries.EventuallyAsync(() => PgQueries.OutboxItems(db.ConnectionString, "给双实例客户回电话") > 0, TimeSpan.FromMinutes(3)),
            "the reminder was not delivered within three minutes");
        Assert.Equal(1, PgQueries.Scalar(db.ConnectionString,
            "SELECT count(*) FROM deliveries WHERE body::text LIKE '%给双实例客户回电话%' AND body->>'status' = 'Sent'"));
        Assert.Equal(1, PgQueries.OutboxItems(db.ConnectionString, "给双实例客户回电话"));
    }

}

public sealed class TwoInstanceFailoverTests : TwoInstances
{
    [PostgresFact]
    public async Task WhenTheInstanceThatTookTheReminderIsKilledTheOtherDeliversWhatWasDue()
    {
        await using var a = await ScaledBot.StartAsync(db!.ConnectionString);
        await using var b = await ScaledBot.StartAsync(db.ConnectionString);
        Assert.Contains(await a.ChatAsync("zhangsan", "提醒 1分钟后 给被杀实例的客户发样品"), r => r.Contains("发样品"));
        await a.KillAsync(); // kill -9: no shutdown, its Quartz instance stops checking in
        Assert.True(await PgQueries.EventuallyAsync(() => PgQueries.OutboxItems(db.ConnectionString, "给被杀实例的客户发样品") > 0, TimeSpan.FromMinutes(3)),
            "the surviving instance did not deliver the reminder within three minutes");
        Assert.Equal(1, PgQueries.OutboxItems(db.ConnectionString, "给被杀实例的客户发样品"));
    }
}

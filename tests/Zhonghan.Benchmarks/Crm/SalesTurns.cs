using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;

namespace Zhonghan.Benchmarks.Crm;

/// <summary>Issue 3's figures: 推进 and 回款 turns through the pipeline, and the 50-rep department's 漏斗.</summary>
public static class SalesTurns
{
    public static async Task<Stats> Advance(IServiceProvider services, DataSet data, int count)
    {
        var users = services.GetRequiredService<UserDirectory>();
        var sales = services.GetRequiredService<OpportunityService>();
        var queue = new Queue<int>(data.Advanceable);
        return await Run(services, "推进 turn (需求挖掘 → 询报价)", count, () =>
        {
            var o = sales.Get(queue.Dequeue())!;
            return (users.Get(o.OwnerId)!.LocalName, $"推进 #{o.Id} 询报价");
        });
    }

    public static async Task<Stats> Payment(IServiceProvider services, DataSet data, int count)
    {
        var users = services.GetRequiredService<UserDirectory>();
        var customers = services.GetRequiredService<CustomerService>();
        var rng = new Random(3);
        return await Run(services, "回款 turn (applied to open invoices)", count, () =>
        {
            var c = customers.Get(data.WithInvoices[rng.Next(data.WithInvoices.Count)])!;
            return (users.Get(c.OwnerId!.Value)!.LocalName, $"回款 {c.Company} {rng.Next(1, 50) * 100}");
        });
    }

    public static Stats Funnel(IServiceProvider services)
    {
        var funnel = services.GetRequiredService<FunnelService>();
        var users = services.GetRequiredService<UserDirectory>();
        var department = users.Departments.OrderBy(d => d.Id).First();
        var stats = new Stats($"漏斗 for a {users.InDepartment(department.Id, Role.Rep).Count()}-rep department");
        funnel.ForDepartment(department.Id);
        for (var i = 0; i < 30; i++) stats.Measure(() => funnel.ForDepartment(department.Id).Count);
        Console.WriteLine(stats);
        return stats;
    }

    private static async Task<Stats> Run(IServiceProvider services, string name, int count, Func<(string User, string Text)> next)
    {
        var pipeline = services.GetRequiredService<IBot>();
        var stats = new Stats(name);
        var warmup = Math.Min(100, count / 5);
        for (var i = 0; i < count; i++)
        {
            var (user, text) = next();
            var turn = new Turn
            {
                Channel = Channels.Local, MessageId = Guid.NewGuid().ToString("N"), SenderId = user,
                Address = ConversationAddress.For(Channels.Local, user), Text = text,
            };
            var start = Stopwatch.GetTimestamp();
            var result = await pipeline.OnTurnAsync(turn, CancellationToken.None);
            if (i >= warmup) stats.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (i == warmup) Console.WriteLine($"  sample reply ({name}): {result.Replies[0].Text.Split('\n')[0]}");
        }
        Console.WriteLine(stats);
        return stats;
    }
}

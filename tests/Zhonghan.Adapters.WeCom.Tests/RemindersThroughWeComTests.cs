using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Zhonghan.Testing;

namespace Zhonghan.Adapters.WeCom.Tests;

/// <summary>Says when a Quartz job has run to its end (the reminder job sends what it recorded before it ends).</summary>
public sealed class JobRuns(string job) : IJobListener, IMatcher<JobKey>
{
    private readonly TaskCompletionSource first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "test-" + job;
    public Task First => first.Task;
    public JobKey Key => new(job);

    public bool IsMatch(JobKey key) => key.Equals(Key);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken ct) => ValueTask.CompletedTask;
    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? error, CancellationToken ct)
    {
        if (error is null) first.TrySetResult();
        else first.TrySetException(error);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Issue 7 end to end: with the Quartz schedule on, due follow-ups reach the (fake) WeCom API as one card.</summary>
public class RemindersThroughWeComTests
{
    [Fact]
    public async Task DueFollowUpsReachTheOwnerAsOneTemplateCard()
    {
        // The demo data gives 张三 several plans due or overdue on Monday 09:30; the reminder job runs at start.
        var tick = new JobRuns("reminders.tick");
        await using var w = await WeComTestBot.StartAsync(b => b.Services.AddQuartz(q => q.AddJobListener(tick, [tick])),
            settings: ["Reminders:Scheduler=true"]);
        // The job's first run (at start) records the reminders and sends them before it ends: after it, and with the
        // queue idle, every message it caused has arrived.
        await tick.First.WaitAsync(Signal.DefaultTimeout);
        await w.IdleAsync();
        var send = await w.Fake.WaitForAsync("message/send", c => c.Body!["touser"]!.GetValue<string>() == "zhangsan");
        var toZhangsan = w.Fake.CallsTo("message/send").Where(c => c.Body!["touser"]!.GetValue<string>() == "zhangsan").ToList();
        Assert.Single(toZhangsan);
        Assert.Equal("template_card", send.Body!["msgtype"]!.GetValue<string>());
        var card = send.Body!["template_card"]!;
        Assert.Equal("button_interaction", card["card_type"]!.GetValue<string>());
        Assert.StartsWith("跟进提醒（", card["main_title"]!["title"]!.GetValue<string>());
        Assert.Contains("汇川技术 11-30", card["sub_title_text"]!.GetValue<string>());
        Assert.NotEmpty(card["button_list"]!.AsArray());
    }

    [Fact]
    public async Task TheDailyDigestReachesTheManagerAndTheDepartmentsGroupRobotWithCharts()
    {
        await using var w = await WeComTestBot.StartAsync(settings: ["Reminders:Robots:华东销售部=robot-east"]);
        var sent = await w.Get<Zhonghan.Core.Reminders.DigestScheduler>().RunDueAsync(CancellationToken.None);
        Assert.True(sent >= 2); // Monday 09:30: daily and weekly, per department
        await w.IdleAsync();
        var robot = w.Fake.CallsTo("webhook/send").Where(c => c.Query["key"] == "robot-east").ToList();
        Assert.Contains(robot, c => c.Body!["msgtype"]!.GetValue<string>() == "markdown"
            && c.Body!["markdown"]!["content"]!.GetValue<string>().Contains("华东销售部日报"));
        Assert.Equal(4, robot.Count(c => c.Body!["msgtype"]!.GetValue<string>() == "image")); // two charts × daily and weekly
        var toLisi = w.Fake.CallsTo("message/send").Where(c => c.Body!["touser"]!.GetValue<string>() == "lisi").ToList();
        Assert.Contains(toLisi, c => c.Body!.ToJsonString().Contains("image"));
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Zhonghan.Adapters.Teams.Tests.Fakes;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.Teams.Tests;

/// <summary>A route that takes as long as the test wants ("慢" only).</summary>
public sealed class SlowRoute : IRoute
{
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public int Order => RouteOrder.Welcome - 1;

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(TurnContext ctx, CancellationToken ct)
    {
        if (ctx.Text != "慢") return null;
        await Release.Task.WaitAsync(ct);
        return [Reply.Of("终于查好了")];
    }
}

/// <summary>Teams re-sends what is not answered within ~15 s: a slow turn is acknowledged in time and answered later, once.</summary>
public sealed class SlowTurnTests
{
    [Fact]
    public async Task ASlowTurnIsAcknowledgedInTimeItsRedeliveryIsIgnoredAndTheAnswerFollows()
    {
        var slow = new SlowRoute();
        await using var teams = await TeamsBot.StartAsync(configure: b => b.Services.AddSingleton<IRoute>(slow));
        var activity = teams.Message("慢");

        // The acknowledgement budget runs on the bot's clock: move it on when the request waits on it.
        var first = await teams.Bot.Clock.AdvanceUntilDoneAsync(teams.PostAsync(activity), TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Empty(teams.Connector.Activities);

        Assert.Equal(HttpStatusCode.OK, (await teams.PostAsync(activity)).StatusCode);
        slow.Release.SetResult();

        var reply = (await teams.Connector.WaitForAsync(1)).Single();
        Assert.Equal("终于查好了", reply.Text);
        await teams.Bot.IdleAsync();
        Assert.Single(teams.Connector.Activities);
        Assert.Contains("still running", teams.Log.Text);
    }
}

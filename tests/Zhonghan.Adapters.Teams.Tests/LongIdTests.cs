using System.Net;
using Zhonghan.Adapters.Teams.Tests.Fakes;

namespace Zhonghan.Adapters.Teams.Tests;

/// <summary>Issue 11, item 2: a Teams activity with ids far beyond a storage key is answered, never silently dropped.</summary>
public sealed class LongIdTests
{
    [Fact]
    public async Task AnActivityWithAThreeThousandCharacterIdGetsItsReply()
    {
        await using var teams = await TeamsBot.StartAsync();
        var activity = teams.Message("帮助", id: new string('7', 3000));
        Assert.Equal(HttpStatusCode.OK, (await teams.PostAsync(activity)).StatusCode);
        var reply = (await teams.Connector.WaitForAsync(1)).Single();
        Assert.Contains("帮助", reply.Text);
    }

    [Fact]
    public async Task AnOverlongAadObjectIdIsAnsweredNotA500()
    {
        await using var teams = await TeamsBot.StartAsync();
        var activity = teams.Message("帮助");
        activity["from"]!["aadObjectId"] = new string('a', 3000);
        Assert.Equal(HttpStatusCode.OK, (await teams.PostAsync(activity)).StatusCode);
        Assert.Contains("还没有开通", (await teams.Connector.WaitForAsync(1)).Single().Text);
    }
}

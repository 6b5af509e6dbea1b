using Zhonghan.Adapters.Teams.Tests.Fakes;
using Zhonghan.Testing;

namespace Zhonghan.Adapters.Teams.Tests;

public sealed class SharedScriptTests
{
    [Fact]
    public async Task TheLeadToOpportunityScriptPassesThroughTeams()
    {
        await using var teams = await TeamsBot.StartAsync();
        var problems = await SharedScripts.RunAsync(SharedScripts.LeadToOpportunity, async text =>
        {
            var texts = await teams.SayAsync(text);
            var card = teams.Connector.Activities.LastOrDefault()?.Card?.ToJsonString(Model.TeamsJson.Options) ?? "";
            return System.Net.WebUtility.HtmlDecode(string.Join("\n", texts).Replace("<br>", "\n")) + "\n" + System.Text.RegularExpressions.Regex.Unescape(card);
        });
        Assert.Empty(problems);
    }
}

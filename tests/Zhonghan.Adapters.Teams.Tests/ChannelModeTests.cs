using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Zhonghan.Adapters.Teams.Tests.Fakes;
using Zhonghan.Core.Conversations;
using Zhonghan.Testing;

namespace Zhonghan.Adapters.Teams.Tests;

/// <summary>Off without an App ID, the emulator mode, and settings that cannot work.</summary>
public sealed class ChannelModeTests
{
    [Fact]
    public async Task WithoutAnAppIdTheEndpointSaysTheChannelIsOffAndNoTeamsMessengerExists()
    {
        await using var bot = await TestBot.StartAsync();

        var response = await bot.Http.PostAsync("/api/messages", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Teams:AppId", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
        Assert.False(bot.Get<Notifier>().Has(Channels.Teams));
    }

    [Fact]
    public async Task EmulatorModeAcceptsRequestsWithoutATokenAndNeverSendsOne()
    {
        await using var teams = await TeamsBot.StartAsync(["Teams:AllowUnauthenticated=true"], teamsOn: false);
        var activity = teams.Message("帮助");

        var response = await teams.PostAsync(activity, token: "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await teams.Connector.WaitForAsync(1)).Single();
        Assert.Null(reply.Authorization);
        Assert.Contains("众韩助手命令", reply.Text);
        Assert.Contains("AllowUnauthenticated", teams.Log.Text);
    }

    [Fact]
    public async Task WithAnAppIdARequestWithoutATokenIsRefusedEvenWhenUnauthenticatedIsNotSet()
    {
        await using var teams = await TeamsBot.StartAsync();

        var response = await teams.PostAsync(teams.Message("帮助"), token: "");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnAppIdWithoutItsPasswordStopsTheBotAtStartWithAClearMessage()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestBot.StartAsync(["Teams:AppId=6c0f8f5e-2a8e-4a53-9d6e-1b2f00000b07"]));

        Assert.Contains("Teams:AppPassword", error.Message);
    }

    [Fact]
    public async Task APlainHttpMetadataUrlOffLoopbackIsRefusedAtStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestBot.StartAsync([
            "Teams:AppId=6c0f8f5e-2a8e-4a53-9d6e-1b2f00000b07", "Teams:AppPassword=x",
            "Teams:OpenIdMetadataUrl=http://login.botframework.com/v1/.well-known/openidconfiguration",
        ]));

        Assert.Contains("Teams:OpenIdMetadataUrl", error.Message);
    }
}

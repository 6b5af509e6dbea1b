using System.Net;
using System.Text.Json.Nodes;
using Zhonghan.Adapters.Teams.Tests.Fakes;

namespace Zhonghan.Adapters.Teams.Tests;

public sealed class TeamsBotFixture : IAsyncLifetime
{
    public TeamsBot Teams { get; private set; } = null!;
    public async Task InitializeAsync() => Teams = await TeamsBot.StartAsync();
    public async Task DisposeAsync() => await Teams.DisposeAsync();
}

/// <summary>The Bot Connector's JWT, checked on every request: each broken rule is a 401 with a log line naming it.</summary>
public sealed class TokenValidationTests(TeamsBotFixture fixture) : IClassFixture<TeamsBotFixture>
{
    private TeamsBot Teams => fixture.Teams;

    public enum Broken { NoHeader, BasicScheme, Expired, NotYetValid, WrongAudience, WrongIssuer, BadSignature, UnendorsedChannel, ServiceUrlMismatch, NoServiceUrlClaim, Hs256, UnknownKey }

    [Theory]
    [InlineData(Broken.NoHeader, "no Authorization header")]
    [InlineData(Broken.BasicScheme, "Authorization scheme is not Bearer")]
    [InlineData(Broken.Expired, "token has expired")]
    [InlineData(Broken.NotYetValid, "token is not valid yet")]
    [InlineData(Broken.WrongAudience, "wrong audience")]
    [InlineData(Broken.WrongIssuer, "wrong issuer")]
    [InlineData(Broken.BadSignature, "bad signature")]
    [InlineData(Broken.UnendorsedChannel, "signing key is not endorsed for channel 'msteams'")]
    [InlineData(Broken.ServiceUrlMismatch, "serviceurl claim does not match")]
    [InlineData(Broken.NoServiceUrlClaim, "token has no serviceurl claim")]
    [InlineData(Broken.Hs256, "algorithm 'HS256' is not allowed")]
    [InlineData(Broken.UnknownKey, "unknown signing key id")]
    public async Task ARequestBreakingOneRuleIsRejectedWith401AndTheLogNamesTheRule(Broken broken, string logged)
    {
        var activity = Teams.Message("新建线索 不该被创建的公司");
        var spec = new TokenSpec { Audience = Teams.BotAppId, ServiceUrl = (string?)activity["serviceUrl"], Now = Teams.Now };
        var token = broken switch
        {
            Broken.NoHeader => "",
            Broken.BasicScheme => null,
            Broken.Expired => Teams.Identity.Mint(spec with { NotBeforeOffset = TimeSpan.FromHours(-1), ExpiresOffset = TimeSpan.FromMinutes(-10) }),
            Broken.NotYetValid => Teams.Identity.Mint(spec with { NotBeforeOffset = TimeSpan.FromMinutes(10) }),
            Broken.WrongAudience => Teams.Identity.Mint(spec with { Audience = "11111111-2222-4333-8444-555555555555" }),
            Broken.WrongIssuer => Teams.Identity.Mint(spec with { Issuer = "https://sts.windows.net/evil/" }),
            Broken.BadSignature => Teams.Identity.Mint(spec with { ForeignKey = true }),
            Broken.UnendorsedChannel => Teams.Identity.Mint(spec with { Kid = FakeIdentity.WebChatKid }),
            Broken.ServiceUrlMismatch => Teams.Identity.Mint(spec with { ServiceUrl = "https://collector.example/amer/" }),
            Broken.NoServiceUrlClaim => Teams.Identity.Mint(spec with { ServiceUrl = null }),
            Broken.Hs256 => Teams.Identity.Mint(spec with { Hs256 = true }),
            Broken.UnknownKey => Teams.Identity.Mint(spec with { Kid = "never-published", ForeignKey = true }),
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };

        HttpResponseMessage response;
        if (broken == Broken.BasicScheme)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString()) };
            request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Teams.ValidToken(activity));
            response = await Teams.Bot.Http.SendAsync(request);
        }
        else
        {
            response = await Teams.PostAsync(activity, token);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var log = Teams.Log.Text;
        Assert.True(log.Contains($"Teams request rejected (401): {logged}"), log);
        Assert.DoesNotContain(Teams.Connector.Requests, r => r.RawTarget.EndsWith("/" + (string)activity["id"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AValidTokenIsAcceptedAndOneExpiredWithinTheFiveMinuteSkewToo()
    {
        var fresh = Teams.Message("帮助");
        var late = Teams.Message("帮助");
        var skewed = Teams.Identity.Mint(new TokenSpec
        {
            Audience = Teams.BotAppId, ServiceUrl = (string?)late["serviceUrl"], Now = Teams.Now,
            NotBeforeOffset = TimeSpan.FromHours(-1), ExpiresOffset = TimeSpan.FromMinutes(-2),
        });

        Assert.Equal(HttpStatusCode.OK, (await Teams.PostAsync(fresh)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Teams.PostAsync(late, skewed)).StatusCode);
        await Teams.Connector.WaitForAsync(1, r => r.RawTarget.EndsWith("/" + (string)late["id"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLifetimeIsJudgedByTheBotsClockNotTheMachines()
    {
        // A token valid at "now" on the bot's clock, a day away from the machine's clock in either direction.
        Teams.Bot.Clock.Advance(TimeSpan.FromDays(1));
        var activity = Teams.Message("帮助");
        Assert.Equal(HttpStatusCode.OK, (await Teams.PostAsync(activity)).StatusCode);

        var stale = Teams.Identity.Mint(new TokenSpec { Audience = Teams.BotAppId, ServiceUrl = (string?)activity["serviceUrl"], Now = Teams.Now - TimeSpan.FromDays(1) });
        Assert.Equal(HttpStatusCode.Unauthorized, (await Teams.PostAsync(Teams.Message("帮助"), stale)).StatusCode);
    }

    [Fact]
    public async Task ARotatedKeyIsFetchedWhenATokenNamesItButForgedKeyIdsCauseAtMostOneFetchAMinute()
    {
        Teams.Bot.Clock.Advance(TimeSpan.FromMinutes(2)); // past any forced refresh of an earlier test
        Assert.Equal(HttpStatusCode.OK, (await Teams.PostAsync(Teams.Message("帮助"))).StatusCode);
        var downloads = Teams.Identity.KeyDownloads;
        Teams.Identity.AddKey("rotated-key", "msteams");
        var activity = Teams.Message("帮助");
        var spec = new TokenSpec { Audience = Teams.BotAppId, ServiceUrl = (string?)activity["serviceUrl"], Now = Teams.Now };

        Assert.Equal(HttpStatusCode.OK, (await Teams.PostAsync(activity, Teams.Identity.Mint(spec with { Kid = "rotated-key" }))).StatusCode);
        Assert.Equal(downloads + 1, Teams.Identity.KeyDownloads);

        for (var i = 0; i < 3; i++)
        {
            var forged = Teams.Message("帮助");
            Assert.Equal(HttpStatusCode.Unauthorized, (await Teams.PostAsync(forged, Teams.Identity.Mint(spec with { Kid = $"forged-{i}", ForeignKey = true }))).StatusCode);
        }
        Assert.Equal(downloads + 1, Teams.Identity.KeyDownloads);
    }

    [Fact]
    public async Task ABodyThatIsNotAnActivityIsABadRequest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("not json") };
        request.Headers.Authorization = new("Bearer", Teams.ValidToken(new JsonObject { ["serviceUrl"] = Teams.Connector.ServiceUrl }));

        var response = await Teams.Bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

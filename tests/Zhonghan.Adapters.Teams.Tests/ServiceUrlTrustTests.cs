using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Zhonghan.Adapters.Teams.Api;
using Zhonghan.Adapters.Teams.Messaging;
using Zhonghan.Core.Storage;
using Zhonghan.Testing;

namespace Zhonghan.Adapters.Teams.Tests;

/// <summary>Which serviceUrls may receive the bot token.</summary>
public sealed class ServiceUrlTrustTests : IDisposable
{
    private readonly TempDir dir = new();
    private readonly FakeTimeProvider clock = TestClock.Create();

    private (ServiceUrlTrust Trust, Zhonghan.Storage.DocumentStore Db) Open(TeamsOptions? options = null)
    {
        var db = StoreQueries.OpenFolder(dir.Path);
        return (new ServiceUrlTrust(new TeamsStore(db.ChannelState, clock), Options.Create(options ?? new TeamsOptions())), db);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/3f3d1cea/", "https://smba.trafficmanager.net/amer/3f3d1cea")]
    [InlineData("HTTPS://SMBA.TrafficManager.NET/emea", "https://smba.trafficmanager.net/emea")]
    [InlineData("http://127.0.0.1:5000/amer/", "http://127.0.0.1:5000/amer")]
    [InlineData("ftp://smba.trafficmanager.net/", null)]
    [InlineData("https://user:pw@smba.trafficmanager.net/", null)]
    [InlineData("not a url", null)]
    public void ServiceUrlsAreComparedInOneNormalForm(string url, string? expected) =>
        Assert.Equal(expected, ServiceUrlTrust.Normalize(url));

    [Fact]
    public void TheTeamsConnectorHostIsTrustedOnlyOverHttps()
    {
        var (trust, db) = Open();
        using (db)
        {
            Assert.Equal(ServiceUrlDecision.Trusted, trust.Decide("https://smba.trafficmanager.net/amer/3f3d1cea-7a18-41af-872b-cfbbd5140984/"));
            Assert.Equal(ServiceUrlDecision.Refused, trust.Decide("http://smba.trafficmanager.net/amer/"));
            Assert.Equal(ServiceUrlDecision.Refused, trust.Decide("https://smba.trafficmanager.net.evil.example/amer/"));
            Assert.Equal(ServiceUrlDecision.Refused, trust.Decide("https://collector.example/amer/"));
        }
    }

    [Fact]
    public void AServiceUrlFromAnAuthenticatedActivityIsTrustedAlsoAfterARestart()
    {
        var (trust, db) = Open();
        using (db)
        {
            Assert.Equal(ServiceUrlDecision.Refused, trust.Decide("https://smba.infra.gov.teams.microsoft.us/"));
            trust.RecordAuthenticated("https://smba.infra.gov.teams.microsoft.us/");
        }
        var (again, db2) = Open();
        using (db2) Assert.Equal(ServiceUrlDecision.Trusted, again.Decide("https://SMBA.infra.gov.teams.microsoft.us"));
    }

    [Fact]
    public void AllowListedHostsMayCarryAPortAndUnauthenticatedModeSendsWithoutAToken()
    {
        var (trust, db) = Open(new TeamsOptions { AllowedServiceUrlHosts = ["connector.contoso.example", "127.0.0.1:3978"] });
        using (db)
        {
            Assert.Equal(ServiceUrlDecision.Trusted, trust.Decide("https://connector.contoso.example/x/"));
            Assert.Equal(ServiceUrlDecision.Trusted, trust.Decide("http://127.0.0.1:3978/"));
            Assert.Equal(ServiceUrlDecision.Refused, trust.Decide("http://127.0.0.1:3979/"));
            Assert.Equal(ServiceUrlDecision.Refused, trust.Decide("http://connector.contoso.example/x/"));
        }
        var (emulator, db2) = Open(new TeamsOptions { AllowUnauthenticated = true });
        using (db2) Assert.Equal(ServiceUrlDecision.Anonymous, emulator.Decide("http://localhost:50123/"));
    }

    [Fact]
    public void TheConnectorBaseIsEverythingBeforeV3() =>
        Assert.Equal("https://smba.trafficmanager.net/amer/tid",
            ServiceUrlTrust.BaseOf(new Uri("https://smba.trafficmanager.net/amer/tid/v3/conversations/a%3A1/activities")));

    public void Dispose() => dir.Dispose();
}

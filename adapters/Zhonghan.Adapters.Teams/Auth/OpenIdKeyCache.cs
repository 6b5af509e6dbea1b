using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Zhonghan.Adapters.Teams.Auth;

/// <summary>
/// The Bot Connector's signing keys: the OpenID metadata document, then its <c>jwks_uri</c>. Cached for a day (as
/// botbuilder-js does), fetched again when a token names an unknown key id — at most once a minute, so forged key ids
/// cannot turn the bot into a request amplifier. Timing comes from the injected clock.
/// </summary>
public sealed class OpenIdKeyCache(IHttpClientFactory http, IOptions<TeamsOptions> options, TimeProvider clock, ILogger<OpenIdKeyCache> log)
{
    public const string HttpClientName = "teams-openid";
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);
    public static readonly TimeSpan MinForcedRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private OpenIdConnectConfiguration? current;
    private DateTimeOffset fetchedAt;
    private DateTimeOffset? lastForced;

    /// <summary>Number of metadata downloads so far (diagnostics and tests).</summary>
    public int Downloads { get; private set; }

    /// <summary>The key with this id, refreshing the keys once when it is unknown; null when it does not exist.</summary>
    public async Task<JsonWebKey?> FindAsync(string kid, CancellationToken ct)
    {
        var config = await GetAsync(force: false, ct);
        if (Find(config, kid) is { } key) return key;
        var now = clock.GetUtcNow();
        if (lastForced is { } last && now - last < MinForcedRefreshInterval) return null;
        lastForced = now;
        log.LogInformation("Unknown signing key id {Kid}: fetching the Bot Framework keys again", kid);
        return Find(await GetAsync(force: true, ct), kid);
    }

    private static JsonWebKey? Find(OpenIdConnectConfiguration? config, string kid) =>
        config?.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid && k.Use is null or "sig");

    private async Task<OpenIdConnectConfiguration?> GetAsync(bool force, CancellationToken ct)
    {
        if (!force && current is not null && clock.GetUtcNow() - fetchedAt < RefreshInterval) return current;
        await gate.WaitAsync(ct);
        try
        {
            if (!force && current is not null && clock.GetUtcNow() - fetchedAt < RefreshInterval) return current;
            var url = options.Value.OpenIdMetadataUrl;
            var retriever = new HttpDocumentRetriever(http.CreateClient(HttpClientName)) { RequireHttps = !new Uri(url).IsLoopback };
            try
            {
                current = await OpenIdConnectConfigurationRetriever.GetAsync(url, retriever, ct);
                Downloads++;
                log.LogInformation("Loaded {Count} Bot Framework signing keys", current.JsonWebKeySet?.Keys.Count ?? 0);
            }
            catch (Exception e) when (e is not OperationCanceledException && current is not null)
            {
                // Keep serving the keys we have; the next request past the interval tries again.
                log.LogWarning(e, "Could not refresh the Bot Framework signing keys; keeping the cached ones");
            }
            fetchedAt = clock.GetUtcNow();
            return current;
        }
        finally
        {
            gate.Release();
        }
    }
}

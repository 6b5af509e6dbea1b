namespace Zhonghan.Adapters.Teams;

/// <summary>
/// The "Teams" settings section (environment: <c>Teams__AppId</c> …). The channel is on when <see cref="AppId"/> is set,
/// or when <see cref="AllowUnauthenticated"/> is set explicitly for a local emulator.
/// </summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";
    public const string DefaultOpenIdMetadata = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string BotFrameworkScope = "https://api.botframework.com/.default";
    /// <summary>The Teams public-cloud Connector host; always trusted for the bot token.</summary>
    public const string TeamsConnectorHost = "smba.trafficmanager.net";

    /// <summary>The bot's Microsoft App ID (the Azure Bot registration); also the expected token audience.</summary>
    public string? AppId { get; set; }
    /// <summary>The client secret of the App ID, for the outbound bot token. A secret: keep it out of files in the repo.</summary>
    public string? AppPassword { get; set; }
    /// <summary>The Entra tenant of a SingleTenant bot; empty = MultiTenant (token from the botframework.com tenant).</summary>
    public string? TenantId { get; set; }
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadata;
    /// <summary>Client-credentials token endpoint; default the Microsoft identity platform v2 endpoint of <see cref="TenantId"/>.</summary>
    public string? TokenEndpoint { get; set; }
    /// <summary>
    /// Extra Connector hosts (<c>host</c> or <c>host:port</c>) that may receive the bot token even before an authenticated
    /// activity came from them. <see cref="TeamsConnectorHost"/> is always allowed.
    /// </summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = new();
    /// <summary>Accept requests without a token (local emulator only). Never combine with a public endpoint.</summary>
    public bool AllowUnauthenticated { get; set; }
    /// <summary>Where a proactive 1:1 chat is created when the tenant has never been seen (the global Teams endpoint).</summary>
    public string DefaultServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";
    /// <summary>Retries of a send answered 429 / 412 / 502 / 504 (Teams asks for 3, backing off 2–20 s with jitter).</summary>
    public int MaxRetries { get; set; } = 3;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>How long a message turn may run before the HTTP request is answered (Teams re-sends after ~15 s).</summary>
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => HasAppId || AllowUnauthenticated;
    public bool HasAppId => !string.IsNullOrWhiteSpace(AppId);
    /// <summary>Whether the bot can get a token for outbound calls.</summary>
    public bool HasCredentials => HasAppId && !string.IsNullOrWhiteSpace(AppPassword);
    public string BotId => $"28:{AppId}";

    public string EffectiveTokenEndpoint => string.IsNullOrWhiteSpace(TokenEndpoint)
        ? $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId.Trim())}/oauth2/v2.0/token"
        : TokenEndpoint.Trim();
}

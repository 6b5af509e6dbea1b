using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zhonghan.Adapters.Teams.Model;

namespace Zhonghan.Adapters.Teams.Api;

public sealed class BotTokenException(string message) : Exception(message);

/// <summary>
/// The bot's own token for Connector calls: client credentials (App ID + password) for the Bot Framework scope,
/// cached until five minutes before it expires. One request at a time refreshes it.
/// </summary>
public sealed class BotTokenProvider(IHttpClientFactory http, IOptions<TeamsOptions> options, TimeProvider clock, ILogger<BotTokenProvider> log)
{
    public const string HttpClientName = "teams-token";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? cached;

    public async Task<string> GetTokenAsync(CancellationToken ct)
    {
        if (Valid() is { } token) return token;
        await gate.WaitAsync(ct);
        try
        {
            if (Valid() is { } again) return again;
            var o = options.Value;
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = o.AppId ?? "",
                ["client_secret"] = o.AppPassword ?? "",
                ["scope"] = TeamsOptions.BotFrameworkScope,
            });
            using var response = await http.CreateClient(HttpClientName).PostAsync(o.EffectiveTokenEndpoint, form, ct);
            var body = await ReadAsync(response, ct);
            if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(body?.AccessToken))
            {
                // AADSTS700016 = the App ID is not in that tenant: SingleTenant bots need Teams:TenantId.
                var code = body?.Error ?? ((int)response.StatusCode).ToString();
                var first = body?.ErrorDescription?.Split('\n')[0].Trim();
                log.LogError("Bot token request failed: {Code} {Description}", code, first);
                throw new BotTokenException($"bot token request failed: {code} {first}".Trim());
            }
            var lifetime = TimeSpan.FromSeconds(body.ExpiresIn > 0 ? body.ExpiresIn : 3600);
            cached = (body.AccessToken, clock.GetUtcNow() + lifetime);
            log.LogInformation("Got a bot token valid for {Minutes} minutes", (int)lifetime.TotalMinutes);
            return body.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets the token (the Connector answered 401 with it).</summary>
    public void Invalidate(string token)
    {
        if (cached?.Token == token) cached = null;
    }

    private string? Valid() => cached is { } c && clock.GetUtcNow() < c.ExpiresAt - RefreshMargin ? c.Token : null;

    private static async Task<TokenResponse?> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try { return await response.Content.ReadFromJsonAsync<TokenResponse>(ct); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}

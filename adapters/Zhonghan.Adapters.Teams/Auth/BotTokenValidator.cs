using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Zhonghan.Adapters.Teams.Auth;

/// <summary>The outcome of checking a request's token: ok, or the one check that failed (for the log, never the caller).</summary>
public sealed record AuthResult(bool Ok, string? FailedCheck = null)
{
    public static AuthResult Success { get; } = new(true);
    public static AuthResult Fail(string check) => new(false, check);
}

/// <summary>
/// Validates the Bot Connector's JWT on an inbound activity (Bot Framework "Connector to bot" rules): Bearer scheme;
/// RS256/384/512 only; a key from the OpenID metadata's JWKS; issuer <c>https://api.botframework.com</c>; audience =
/// our App ID; lifetime with 5 minutes of skew on the injected clock; the key endorsed for the activity's channel; and
/// the token's <c>serviceurl</c> claim equal to the activity's <c>serviceUrl</c>.
/// </summary>
public sealed class BotTokenValidator(OpenIdKeyCache keys, IOptions<TeamsOptions> options, TimeProvider clock, ILogger<BotTokenValidator> log)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public async Task<AuthResult> ValidateAsync(string? authorization, string? channelId, string? serviceUrl, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(authorization)) return AuthResult.Fail("no Authorization header");
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal)) return AuthResult.Fail("Authorization scheme is not Bearer");
        var raw = authorization["Bearer ".Length..].Trim();
        if (!handler.CanReadToken(raw)) return AuthResult.Fail("token is not a readable JWT");
        var jwt = new JsonWebToken(raw);
        if (!Algorithms.Contains(jwt.Alg)) return AuthResult.Fail($"algorithm '{jwt.Alg}' is not allowed (RS256/384/512 only)");
        if (string.IsNullOrEmpty(jwt.Kid)) return AuthResult.Fail("token has no key id (kid)");

        JsonWebKey? key;
        try { key = await keys.FindAsync(jwt.Kid, ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Bot Framework signing keys could not be loaded");
            return AuthResult.Fail("signing keys could not be loaded from the OpenID metadata");
        }
        if (key is null) return AuthResult.Fail($"unknown signing key id '{jwt.Kid}'");

        var result = await handler.ValidateTokenAsync(raw, new TokenValidationParameters
        {
            ValidIssuer = TeamsOptions.BotFrameworkIssuer,
            ValidAudience = options.Value.AppId,
            IssuerSigningKey = key,
            ValidAlgorithms = Algorithms,
            ClockSkew = ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            TryAllIssuerSigningKeys = false,
            // The handler's own lifetime check reads the wall clock; this one reads the injected clock.
            LifetimeValidator = (notBefore, expires, _, p) => ValidateLifetime(notBefore, expires),
        });
        if (!result.IsValid) return AuthResult.Fail(Describe(result.Exception));

        if (!Endorsements(key).Contains(channelId ?? "", StringComparer.OrdinalIgnoreCase))
            return AuthResult.Fail($"signing key is not endorsed for channel '{channelId}'");
        if (!jwt.TryGetPayloadValue<string>("serviceurl", out var claimed) || string.IsNullOrEmpty(claimed))
            return AuthResult.Fail("token has no serviceurl claim");
        if (!string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
            return AuthResult.Fail("serviceurl claim does not match the activity's serviceUrl");
        return AuthResult.Success;
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (expires is null) throw new SecurityTokenNoExpirationException("token has no expiry");
        if (notBefore is { } nbf && nbf.ToUniversalTime() > now + ClockSkew)
            throw new SecurityTokenNotYetValidException("token is not valid yet") { NotBefore = nbf };
        if (expires.Value.ToUniversalTime() < now - ClockSkew)
            throw new SecurityTokenExpiredException("token has expired") { Expires = expires.Value };
        return true;
    }

    private static string Describe(Exception? e) => e switch
    {
        SecurityTokenExpiredException => "token has expired",
        SecurityTokenNotYetValidException => "token is not valid yet (nbf in the future)",
        SecurityTokenNoExpirationException => "token has no expiry",
        SecurityTokenInvalidAudienceException => "wrong audience (aud is not the App ID)",
        SecurityTokenInvalidIssuerException => "wrong issuer (iss is not https://api.botframework.com)",
        SecurityTokenInvalidAlgorithmException => "algorithm is not allowed",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "bad signature",
        SecurityTokenInvalidLifetimeException => "token lifetime is invalid",
        null => "token is invalid",
        _ => $"token is invalid ({e.GetType().Name})",
    };

    /// <summary>The key's <c>endorsements</c>: the channels it may sign for (an extra JWK member kept in AdditionalData).</summary>
    internal static IReadOnlyList<string> Endorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null) return [];
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList(),
            string s => [s],
            IEnumerable<object> list => list.Select(x => x?.ToString() ?? "").ToList(),
            _ => [],
        };
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Zhonghan.Adapters.Teams.Tests.Fakes;

/// <summary>What a test token looks like; defaults are a valid Bot Connector token.</summary>
public sealed record TokenSpec
{
    public string Issuer { get; init; } = "https://api.botframework.com";
    public required string Audience { get; init; }
    public required string? ServiceUrl { get; init; }
    public required DateTimeOffset Now { get; init; }
    public TimeSpan NotBeforeOffset { get; init; } = TimeSpan.FromMinutes(-5);
    public TimeSpan ExpiresOffset { get; init; } = TimeSpan.FromMinutes(55);
    public string Kid { get; init; } = FakeIdentity.TeamsKid;
    /// <summary>Sign with a key the identity server does not publish (same kid): a forged signature.</summary>
    public bool ForeignKey { get; init; }
    /// <summary>HMAC-SHA256 with a shared secret instead of RSA (the algorithm-confusion attack).</summary>
    public bool Hs256 { get; init; }
}

/// <summary>
/// The Bot Framework's identity side on loopback: OpenID metadata, a JWKS whose keys carry <c>endorsements</c>, the
/// client-credentials token endpoint; and real RS256 tokens minted with the published keys.
/// </summary>
public sealed class FakeIdentity : IAsyncDisposable
{
    public const string TeamsKid = "teams-key-1";
    public const string WebChatKid = "webchat-key";
    public const string IssuedBotToken = "bot-token-from-fake-identity";

    private readonly ConcurrentDictionary<string, (RSA Key, string[] Endorsements)> keys = new();
    private readonly RSA foreign = RSA.Create(2048);
    private LoopbackServer server = null!;

    public ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();
    public int KeyDownloads;
    public Uri BaseAddress => server.BaseAddress;
    public string MetadataUrl => new Uri(BaseAddress, "/v1/.well-known/openidconfiguration").ToString();
    public string TokenEndpoint(string tenant) => new Uri(BaseAddress, $"/{tenant}/oauth2/v2.0/token").ToString();

    public static async Task<FakeIdentity> StartAsync()
    {
        var identity = new FakeIdentity();
        identity.AddKey(TeamsKid, "msteams");
        identity.AddKey(WebChatKid, "webchat");
        identity.server = await LoopbackServer.StartAsync(identity.HandleAsync);
        return identity;
    }

    /// <summary>Publishes one more key (key rotation): the bot learns it on the next unknown kid.</summary>
    public void AddKey(string kid, params string[] endorsements) => keys[kid] = (RSA.Create(2048), endorsements);

    public string Mint(TokenSpec spec)
    {
        SigningCredentials credentials = spec.Hs256
            ? new(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = spec.Kid }, SecurityAlgorithms.HmacSha256)
            : new(new RsaSecurityKey(spec.ForeignKey ? foreign : keys[spec.Kid].Key) { KeyId = spec.Kid }, SecurityAlgorithms.RsaSha256);
        var claims = new Dictionary<string, object>();
        if (spec.ServiceUrl is not null) claims["serviceurl"] = spec.ServiceUrl;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer, Audience = spec.Audience, Claims = claims, SigningCredentials = credentials,
            IssuedAt = (spec.Now + spec.NotBeforeOffset).UtcDateTime,
            NotBefore = (spec.Now + spec.NotBeforeOffset).UtcDateTime,
            Expires = (spec.Now + spec.ExpiresOffset).UtcDateTime,
        });
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        if (path == "/v1/.well-known/openidconfiguration")
        {
            await Json(ctx, new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = new Uri(BaseAddress, "/v1/.well-known/keys").ToString(),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        }
        else if (path == "/v1/.well-known/keys")
        {
            Interlocked.Increment(ref KeyDownloads);
            var list = new JsonArray();
            foreach (var (kid, (rsa, endorsements)) in keys)
            {
                var p = rsa.ExportParameters(false);
                list.Add(new JsonObject
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["kid"] = kid,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray()),
                });
            }
            await Json(ctx, new JsonObject { ["keys"] = list });
        }
        else if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) && ctx.Request.HasFormContentType)
        {
            var form = await ctx.Request.ReadFormAsync();
            TokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            await Json(ctx, new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = IssuedBotToken });
        }
        else
        {
            ctx.Response.StatusCode = 404;
        }
    }

    private static Task Json(HttpContext ctx, JsonNode body)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Zhonghan.Adapters.WeCom.Api;

/// <summary>
/// access_token cache per secret (app and 微信客服 may differ). Tokens live 7200 s; we renew 5 minutes early, and
/// one caller fetches while the others wait, because WeCom blocks apps that call gettoken too often.
/// </summary>
public sealed class WeComTokens(IWeComApi api, IOptions<WeComOptions> options, TimeProvider clock, ILogger<WeComTokens> log)
{
    private static readonly TimeSpan RenewEarly = TimeSpan.FromMinutes(5);
    /// <summary>After a refusal (bad secret, untrusted IP …) gettoken is not asked again for this long.</summary>
    public static readonly TimeSpan PauseAfterRefusal = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, Entry> cache = new();
    private readonly ConcurrentDictionary<string, (WeComApiException Error, DateTimeOffset Until)> refused = new();
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<string> GetAsync(string secret, CancellationToken ct)
    {
        if (Fresh(secret) is { } token) return token;
        await gate.WaitAsync(ct);
        try
        {
            if (Fresh(secret) is { } again) return again;
            if (refused.TryGetValue(secret, out var r) && r.Until > clock.GetUtcNow()) throw r.Error;
            var result = await WeComClient.Transport("gettoken", () => api.GetTokenAsync(options.Value.CorpId, secret, ct), ct, log);
            if (result.Errcode != 0 || string.IsNullOrEmpty(result.AccessToken))
            {
                log.LogError("WeCom gettoken failed: errcode {Errcode} {Meaning} ({Errmsg})", result.Errcode, WeComErrors.Describe(result.Errcode), result.Errmsg);
                var error = new WeComApiException("gettoken", result.Errcode, result.Errmsg);
                // A wrong secret or an untrusted IP does not heal by asking again, and WeCom blocks apps that ask often.
                if (!error.IsTransient) refused[secret] = (error, clock.GetUtcNow() + PauseAfterRefusal);
                throw error;
            }
            refused.TryRemove(secret, out _);
            var lifetime = TimeSpan.FromSeconds(result.ExpiresIn > 0 ? result.ExpiresIn : 7200);
            var renewAt = clock.GetUtcNow() + (lifetime > RenewEarly * 2 ? lifetime - RenewEarly : lifetime / 2);
            cache[secret] = new Entry(result.AccessToken, renewAt);
            log.LogInformation("WeCom access_token renewed (valid {Seconds} s)", (int)lifetime.TotalSeconds);
            return result.AccessToken;
        }
        finally { gate.Release(); }
    }

    /// <summary>Drops the token when WeCom says it is invalid or expired (it may die before its time).</summary>
    public void Invalidate(string secret, string token)
    {
        if (cache.TryGetValue(secret, out var e) && e.Token == token) cache.TryRemove(secret, out _);
    }

    private string? Fresh(string secret) =>
        cache.TryGetValue(secret, out var e) && e.RenewAt > clock.GetUtcNow() ? e.Token : null;

    private sealed record Entry(string Token, DateTimeOffset RenewAt);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Refit;
using Zhonghan.Adapters.WeCom.Model;

namespace Zhonghan.Adapters.WeCom.Api;

/// <summary>
/// Runs one WeCom call with a token: on 40014/42001 the token is renewed once and the call repeated once;
/// on -1 (busy) it is repeated up to three times; any other non-zero errcode is logged with its meaning and thrown.
/// Transport failures (network, 5xx) are retried below, in the HTTP handler, and arrive here as exceptions.
/// </summary>
public sealed class WeComClient(IWeComApi api, WeComTokens tokens, IOptions<WeComOptions> options, TimeProvider clock, ILogger<WeComClient> log)
{
    public IWeComApi Api => api;
    public WeComOptions Options => options.Value;

    public Task<T> CallAsync<T>(string name, Func<string, CancellationToken, Task<T>> call, CancellationToken ct) where T : WeComResult =>
        CallWithSecretAsync(name, options.Value.Secret, call, ct);

    /// <summary>A 微信客服 call: with the kf secret when one is set.</summary>
    public Task<T> CallKfAsync<T>(string name, Func<string, CancellationToken, Task<T>> call, CancellationToken ct) where T : WeComResult =>
        CallWithSecretAsync(name, options.Value.KfSecret is { Length: > 0 } s ? s : options.Value.Secret, call, ct);

    /// <summary>A call that needs no token (the group robot's webhook).</summary>
    public async Task<T> CallBareAsync<T>(string name, Func<CancellationToken, Task<T>> call, CancellationToken ct) where T : WeComResult
    {
        var result = await Transport(name, () => call(ct), ct);
        return Check(name, result);
    }

    private async Task<T> CallWithSecretAsync<T>(string name, string secret, Func<string, CancellationToken, Task<T>> call, CancellationToken ct)
        where T : WeComResult
    {
        var token = await tokens.GetAsync(secret, ct);
        var result = await Transport(name, () => call(token, ct), ct);
        if (result.Errcode is WeComErrors.InvalidToken or WeComErrors.TokenExpired)
        {
            log.LogWarning("WeCom {Api}: errcode {Errcode} {Meaning}; renewing the token and retrying once",
                name, result.Errcode, WeComErrors.Describe(result.Errcode));
            tokens.Invalidate(secret, token);
            token = await tokens.GetAsync(secret, ct);
            result = await Transport(name, () => call(token, ct), ct);
        }
        for (var busy = 0; result.Errcode == WeComErrors.SystemBusy && busy < 3; busy++)
        {
            log.LogWarning("WeCom {Api}: errcode -1 {Meaning}; retry {Attempt}", name, WeComErrors.Describe(-1), busy + 1);
            await Task.Delay(options.Value.RetryDelay * (busy + 1), clock, ct);
            result = await Transport(name, () => call(token, ct), ct);
        }
        return Check(name, result);
    }

    private T Check<T>(string name, T result) where T : WeComResult
    {
        if (result.Errcode == 0) return result;
        var level = WeComErrors.IsTransient(result.Errcode) ? LogLevel.Warning : LogLevel.Error;
        log.Log(level, "WeCom {Api} failed: errcode {Errcode} {Meaning} ({Errmsg})", name, result.Errcode, WeComErrors.Describe(result.Errcode), result.Errmsg);
        throw new WeComApiException(name, result.Errcode, result.Errmsg);
    }

    /// <summary>Turns transport failures (after the handler's retries) into a transient <see cref="WeComApiException"/>.</summary>
    internal static async Task<T> Transport<T>(string name, Func<Task<T>> call, CancellationToken ct, ILogger log)
    {
        try { return await call(); }
        catch (ApiException e)
        {
            log.LogWarning("WeCom {Api}: HTTP {Status} after retries", name, (int)e.StatusCode);
            throw new WeComApiException(name, -1, e.ReasonPhrase, (int)e.StatusCode, e);
        }
        catch (HttpRequestException e)
        {
            log.LogWarning("WeCom {Api}: network error after retries: {Error}", name, e.Message);
            throw new WeComApiException(name, -1, e.Message, 0, e);
        }
        catch (Exception e) when (e is TimeoutRejectedException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("WeCom {Api}: timed out", name);
            throw new WeComApiException(name, -1, "timeout", 0, e);
        }
    }

    private Task<T> Transport<T>(string name, Func<Task<T>> call, CancellationToken ct) => Transport(name, call, ct, log);
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zhonghan.Adapters.WeCom.Crypto;
using Zhonghan.Adapters.WeCom.Model;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom;

/// <summary>
/// The checks a callback passes before it is believed — query, timestamp window, body size, signature, decryption,
/// receiveid — and the 4xx answer (with one log line a minute per reason) for one that fails.
/// </summary>
public sealed class CallbackChecks(WeComCrypto crypto, IOptions<WeComOptions> options, TimeProvider clock, LogThrottle throttle,
    ILogger<WeComAdapter> log)
{
    /// <summary>The decrypted XML of a POSTed callback (throws a refusal or a crypto error).</summary>
    public async Task<string> OpenAsync(HttpRequest request, CancellationToken ct)
    {
        var q = CallbackQuery.Parse(request.QueryString.Value);
        CheckTimestamp(q.Timestamp);
        var max = options.Value.MaxBodyBytes;
        var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, max, ct)
                   ?? throw new CallbackRefusedException(413, request.ContentLength > max ? $"body of {request.ContentLength} bytes" : $"body over {max} bytes");
        return crypto.VerifyAndDecrypt(q.Signature, q.Timestamp, q.Nonce, CallbackEnvelope.ReadEncrypt(Encoding.UTF8.GetString(body)));
    }

    /// <summary>The decrypted echostr of a URL verification (GET).</summary>
    public string OpenEcho(HttpRequest request)
    {
        var q = CallbackQuery.Parse(request.QueryString.Value);
        CheckTimestamp(q.Timestamp);
        return crypto.VerifyAndDecrypt(q.Signature, q.Timestamp, q.Nonce, q.Required("echostr"));
    }

    /// <summary>Old or future timestamps are refused, so a captured callback cannot be replayed later.</summary>
    private void CheckTimestamp(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            throw new CallbackRefusedException(400, "timestamp is not a number");
        var tolerance = options.Value.TimestampTolerance;
        if (tolerance <= TimeSpan.Zero) return;
        var skew = clock.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(skew) > tolerance.TotalSeconds) throw new CallbackRefusedException(403, $"timestamp {skew} s away from our clock");
    }

    public IResult Refuse(HttpContext http, WeComCryptoException e) =>
        Refuse(http, e.Error switch
        {
            WeComCryptoError.ValidateSignature => 401,
            WeComCryptoError.ValidateCorpId => 403,
            _ => 400,
        }, $"{(int)e.Error} {e.Reason}");

    public IResult Refuse(HttpContext http, int status, string reason)
    {
        if (throttle.ShouldLog($"wecom {status} {reason}", out var suppressed))
            log.LogWarning("WeCom callback refused with {Status}: {Reason} (from {Remote}); {Suppressed} more refused for this reason in the minute before",
                status, reason, http.Connection.RemoteIpAddress, suppressed);
        return Results.Text(status switch
        {
            401 => "签名校验失败",
            403 => "请求被拒绝",
            413 => "请求体过大",
            _ => "请求格式错误",
        }, "text/plain", Encoding.UTF8, status);
    }
}

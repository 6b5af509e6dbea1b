using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Zhonghan.Adapters.WeCom;
using Zhonghan.Adapters.WeCom.Crypto;
using Zhonghan.Adapters.WeCom.Mapping;
using Zhonghan.Adapters.WeCom.Xml;
using Zhonghan.Bot.Hosting;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.WeCom;

/// <summary>
/// GET/POST /api/wecom/callback. Every input is checked before anything happens: query, timestamp window, body
/// size, signature, decryption, receiveid, XML. A bad one gets a 4xx and a warning in the log, never a 5xx and
/// never a side effect.
/// </summary>
public sealed class WeComCallback(
    WeComCrypto crypto, IOptions<WeComOptions> options, WeComTurns turns, WeComKfDesk kf, WeComWelcomes welcomes, TimeProvider clock,
    LogThrottle throttle, ILogger<WeComCallback> log)
{
    /// <summary>URL verification: answers the decrypted echostr, bare (no quotes, BOM or newline).</summary>
    public IResult Verify(HttpContext http)
    {
        try
        {
            var q = CallbackQuery.Parse(http.Request.QueryString.Value);
            CheckTimestamp(q.Timestamp);
            var echo = q.Required("echostr");
            var plain = crypto.VerifyAndDecrypt(q.Signature, q.Timestamp, q.Nonce, echo);
            log.LogInformation("WeCom callback URL verified");
            return Results.Text(plain, "text/plain", new UTF8Encoding(false));
        }
        catch (WeComCryptoException e) { return Refuse(http, e); }
        catch (CallbackRefusedException e) { return Refuse(http, e.Status, e.Message); }
    }

    public async Task<IResult> ReceiveAsync(HttpContext http)
    {
        Inbound inbound;
        try
        {
            var q = CallbackQuery.Parse(http.Request.QueryString.Value);
            CheckTimestamp(q.Timestamp);
            var body = await ReadBodyAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
            var xml = crypto.VerifyAndDecrypt(q.Signature, q.Timestamp, q.Nonce, CallbackEnvelope.ReadEncrypt(body));
            inbound = WeComMapper.Map(InboundMessage.Parse(xml));
        }
        catch (WeComCryptoException e) { return Refuse(http, e); }
        catch (CallbackRefusedException e) { return Refuse(http, e.Status, e.Message); }

        if (inbound.Kf is { } notice)
        {
            kf.Notify(notice);
            return Results.Ok();
        }
        if (inbound.Turn is null)
        {
            log.LogDebug("WeCom callback ignored: {What}", inbound.Ignored);
            return Results.Ok();
        }
        if (inbound.Turn.Kind == TurnKind.Welcome && !welcomes.FirstToday(inbound.Turn.SenderId))
            return Results.Ok(); // WeCom sends enter_agent each time the chat is opened: greet once a day, not every time
        var passive = await turns.RunAsync(inbound, http.RequestAborted);
        return passive is null ? Results.Ok() : Results.Text(passive, "application/xml", new UTF8Encoding(false));
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

    private static async Task<string> ReadBodyAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max) throw new CallbackRefusedException(413, $"body of {request.ContentLength} bytes");
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) throw new CallbackRefusedException(413, $"body over {max} bytes");
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private IResult Refuse(HttpContext http, WeComCryptoException e) =>
        Refuse(http, e.Error switch
        {
            WeComCryptoError.ValidateSignature => 401,
            WeComCryptoError.ValidateCorpId => 403,
            _ => 400,
        }, $"{(int)e.Error} {e.Reason}");

    private IResult Refuse(HttpContext http, int status, string reason)
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

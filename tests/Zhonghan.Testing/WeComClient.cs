using System.Text;
using Zhonghan.Adapters.WeCom.Crypto;
using Zhonghan.Adapters.WeCom.Model;

namespace Zhonghan.Testing;

/// <summary>
/// Sends encrypted WeCom callbacks to a bot over HTTP, as WeCom's servers do, and opens the encrypted passive replies.
/// Uses the official example's token, key and corp id (public values from WeCom's documentation).
/// </summary>
public sealed class WeComClient(HttpClient http)
{
    public const string Token = "QDG6eK";
    public const string AesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string CorpId = "wx5823bf96d3bd56c7";
    public const int AgentId = 1000002;

    public static readonly WeComCrypto Crypto = new(Token, AesKey, CorpId);

    /// <summary>The settings that turn the bot's WeCom channel on for these values (API calls go nowhere useful).</summary>
    public static IEnumerable<string> Settings(string apiBaseUrl = "http://127.0.0.1:9") =>
    [
        $"--WeCom:CorpId={CorpId}", $"--WeCom:AgentId={AgentId}", "--WeCom:Secret=app-secret", $"--WeCom:Token={Token}",
        $"--WeCom:EncodingAESKey={AesKey}", $"--WeCom:ApiBaseUrl={apiBaseUrl}",
    ];

    /// <summary>Posts a text message from <paramref name="from"/>; returns the passive reply's text, or null for an empty 200.</summary>
    public async Task<string?> SendTextAsync(string from, string text, string msgId, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var inner = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>" +
                    $"<CreateTime>{now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>{SafeXml.CData(text)}</Content>" +
                    $"<MsgId>{msgId}</MsgId><AgentID>{AgentId}</AgentID></xml>";
        using var response = await http.SendAsync(Callback(inner, now), ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync(ct);
        if (body.Length == 0) return null;
        var x = SafeXml.ParseRoot(body);
        var reply = SafeXml.ParseRoot(Crypto.VerifyAndDecrypt(x.Child("MsgSignature")!, x.Child("TimeStamp")!, x.Child("Nonce")!, x.Child("Encrypt")!));
        return reply.Child("Content");
    }

    public static HttpRequestMessage Callback(string innerXml, long timestamp)
    {
        var ts = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var encrypt = Crypto.Encrypt(innerXml);
        var body = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><AgentID><![CDATA[{AgentId}]]></AgentID><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        return new HttpRequestMessage(HttpMethod.Post, $"/api/wecom/callback?msg_signature={Crypto.Sign(ts, nonce, encrypt)}&timestamp={ts}&nonce={nonce}")
        {
            Content = new StringContent(body, Encoding.UTF8, "text/xml"),
        };
    }
}

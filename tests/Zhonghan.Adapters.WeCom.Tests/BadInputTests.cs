using Zhonghan.Testing;
using System.Net;
using System.Security.Cryptography;
using Zhonghan.Storage;

namespace Zhonghan.Adapters.WeCom.Tests;

/// <summary>
/// Runs alone: the bot's Serilog setup makes the static logger the last started host's, so with hosts starting
/// in parallel a refusal could be written to another test bot's log file.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public class LogAssertingCollection
{
    public const string Name = "log-asserting";
}

/// <summary>Every kind of bad callback: a 4xx, a warning in the log, no 5xx, no side effect.</summary>
[Collection(LogAssertingCollection.Name)]
public class BadInputTests(WeComBotFixture fixture) : IClassFixture<WeComBotFixture>
{
    private WeComTestBot W => fixture.W;

    private HttpRequestMessage SignedEncrypt(string encrypt, string? body = null)
    {
        var ts = W.Now.ToString();
        const string nonce = "12345";
        return WeComTestBot.Raw($"msg_signature={W.Crypto.Sign(ts, nonce, encrypt)}&timestamp={ts}&nonce={nonce}",
            body ?? $"<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");
    }

    private string RawEncrypt(byte[] plain)
    {
        var key = Convert.FromBase64String(Official.AesKey + "=");
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    public static TheoryData<string> Cases() =>
    [
        "wrong signature", "bad base64", "wrong length", "bad padding", "wrong receiveid", "malformed envelope", "huge body",
        "dtd envelope", "dtd inside", "malformed inside", "missing parameters", "stale timestamp", "timestamp not a number", "empty body",
    ];

    private HttpRequestMessage Build(string name)
    {
        var ok = WeComTestBot.TextXml("zhangsan", "跟进 汇川 不该被记录", W.NextId(), W.Now);
        var other = new Crypto.WeComCrypto(Official.Token, Official.AesKey, "ww0000000000000000");
        return name switch
        {
            "wrong signature" => W.Callback(ok, signature: new string('0', 40)),
            "bad base64" => SignedEncrypt("@@@not-base64@@@"),
            "wrong length" => SignedEncrypt(Convert.ToBase64String(new byte[40])),
            "bad padding" => SignedEncrypt(RawEncrypt(new byte[64])), // last byte 0
            "wrong receiveid" => SignedEncrypt(other.Encrypt(ok)),
            "malformed envelope" => WeComTestBot.Raw("msg_signature=a&timestamp=" + W.Now + "&nonce=1", "<xml><Encrypt>abc"),
            "huge body" => WeComTestBot.Raw("msg_signature=a&timestamp=" + W.Now + "&nonce=1", "<xml>" + new string('x', 100_000) + "</xml>"),
            "dtd envelope" => WeComTestBot.Raw("msg_signature=a&timestamp=" + W.Now + "&nonce=1",
                "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>"),
            "dtd inside" => SignedEncrypt(W.Crypto.Encrypt("<!DOCTYPE xml [<!ENTITY a \"跟进 汇川 x\">]><xml><FromUserName>zhangsan</FromUserName><MsgType>text</MsgType><Content>&a;</Content><MsgId>1</MsgId></xml>")),
            "malformed inside" => SignedEncrypt(W.Crypto.Encrypt("<xml><FromUserName>zhangsan</From")),
            "missing parameters" => WeComTestBot.Raw("timestamp=" + W.Now, "<xml/>"),
            "stale timestamp" => W.Callback(ok, timestamp: W.Now - 3600),
            "timestamp not a number" => WeComTestBot.Raw("msg_signature=a&timestamp=soon&nonce=1", "<xml/>"),
            "empty body" => WeComTestBot.Raw("msg_signature=a&timestamp=" + W.Now + "&nonce=1", ""),
            _ => throw new ArgumentException(name),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABadCallbackGetsA4xxAndALogLineAndChangesNothing(string name)
    {
        var db = W.Get<DocumentStore>();
        var followUps = db.AllFollowUps().Count;
        var processed = db.AllProcessed().Count;
        // Refusals are logged once a minute per reason: each case starts a new minute.
        W.Clock.Advance(TimeSpan.FromSeconds(61));
        var logBefore = CountRefusals();

        var response = await W.Bot.Http.SendAsync(Build(name));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(followUps, db.AllFollowUps().Count);
        Assert.Equal(processed, db.AllProcessed().Count);
        Assert.Equal(logBefore + 1, CountRefusals()); // the unbuffered file sink wrote the line before the answer
    }

    [Fact]
    public async Task AUrlVerificationWithAWrongSignatureIsRefused()
    {
        var echo = Uri.EscapeDataString(W.Crypto.Encrypt("123"));
        var response = await W.Bot.Http.GetAsync($"/api/wecom/callback?msg_signature={new string('a', 40)}&timestamp={W.Now}&nonce=1&echostr={echo}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private int CountRefusals() => W.LogText().Split("WeCom callback refused").Length - 1;

    [Fact]
    public async Task RefusalsAreLoggedOnceAMinutePerReasonWithACount()
    {
        W.Clock.Advance(TimeSpan.FromSeconds(61));
        var before = CountRefusals();
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await W.Bot.Http.SendAsync(Build("wrong signature"))).StatusCode);
        // The file sink is not buffered: each refusal's line (or its absence) is on disk when the answer arrives.
        Assert.Equal(before + 1, CountRefusals());

        W.Clock.Advance(TimeSpan.FromSeconds(61));
        await W.Bot.Http.SendAsync(Build("wrong signature"));
        Assert.Equal(before + 2, CountRefusals());
        Assert.Contains("29 more refused for this reason", W.LogText());
    }
}

using System.Text;
using Microsoft.AspNetCore.Builder;
using Zhonghan.Adapters.WeCom.Crypto;
using Zhonghan.Adapters.WeCom.Model;
using Zhonghan.Testing;

namespace Zhonghan.Adapters.WeCom.Tests;

/// <summary>
/// The whole bot on Kestrel with the WeCom channel on (the official test token/key/corpid) and its API pointed at a
/// <see cref="FakeWeCom"/>; builds encrypted callbacks as WeCom would and decrypts the bot's passive replies.
/// </summary>
public sealed class WeComTestBot : IAsyncDisposable
{
    public const int AgentId = 1000002;

    public TestBot Bot { get; }
    public FakeWeCom Fake { get; }
    public WeComCrypto Crypto { get; } = new(Official.Token, Official.AesKey, Official.CorpId);
    public TestClock Clock => Bot.Clock;
    private int sequence;

    private WeComTestBot(TestBot bot, FakeWeCom fake)
    {
        Bot = bot;
        Fake = fake;
    }

    public static async Task<WeComTestBot> StartAsync(Action<WebApplicationBuilder>? configure = null, TestClock? clock = null,
        IEnumerable<string>? settings = null)
    {
        var fake = await FakeWeCom.StartAsync();
        var all = new List<string>
        {
            $"WeCom:CorpId={Official.CorpId}", $"WeCom:AgentId={AgentId}", "WeCom:Secret=app-secret", $"WeCom:Token={Official.Token}",
            $"WeCom:EncodingAESKey={Official.AesKey}", $"WeCom:ApiBaseUrl={fake.BaseUrl}", "WeCom:RetryDelay=00:00:00",
        };
        all.AddRange(settings ?? []);
        return new WeComTestBot(await TestBot.StartAsync(all, configure, clock), fake);
    }

    public T Get<T>() where T : notnull => Bot.Get<T>();

    /// <summary>Waits until the bot's background work (late replies, card updates, kf syncs, queued notices) is done.</summary>
    public Task IdleAsync() => Bot.IdleAsync();

    public string NextId() => (4_000_000_000_000_000_000 + Interlocked.Increment(ref sequence)).ToString();

    public static string TextXml(string from, string content, string msgId, long createTime) =>
        $"<xml><ToUserName><![CDATA[{Official.CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>{SafeXml.CData(content)}</Content>" +
        $"<MsgId>{msgId}</MsgId><AgentID>{AgentId}</AgentID></xml>";

    public static string EventXml(string from, string evt, long createTime, string extra = "") =>
        $"<xml><ToUserName><![CDATA[{Official.CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{evt}]]></Event>{extra}" +
        $"<AgentID>{AgentId}</AgentID></xml>";

    public long Now => Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Encrypts and signs <paramref name="innerXml"/> as WeCom does; returns the request to post.</summary>
    public HttpRequestMessage Callback(string innerXml, string? signature = null, long? timestamp = null)
    {
        var ts = (timestamp ?? Now).ToString();
        var nonce = Random.Shared.Next(100000, 999999).ToString();
        var encrypt = Crypto.Encrypt(innerXml);
        var sig = signature ?? Crypto.Sign(ts, nonce, encrypt);
        var body = $"<xml><ToUserName><![CDATA[{Official.CorpId}]]></ToUserName><AgentID><![CDATA[{AgentId}]]></AgentID><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        return Raw($"msg_signature={sig}&timestamp={ts}&nonce={nonce}", body);
    }

    public static HttpRequestMessage Raw(string query, string body) =>
        new(HttpMethod.Post, "/api/wecom/callback?" + query) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };

    /// <summary>Posts a text message from a member and returns the HTTP response.</summary>
    public Task<HttpResponseMessage> SendTextAsync(string from, string text, string? msgId = null) =>
        Bot.Http.SendAsync(Callback(TextXml(from, text, msgId ?? NextId(), Now)));

    /// <summary>Verifies and decrypts an encrypted passive reply; returns its inner XML.</summary>
    public string OpenReply(string envelope)
    {
        var x = SafeXml.ParseRoot(envelope);
        return Crypto.VerifyAndDecrypt(x.Child("MsgSignature")!, x.Child("TimeStamp")!, x.Child("Nonce")!, x.Child("Encrypt")!);
    }

    /// <summary>The text content of a passive reply (asserting it is a text reply to <paramref name="to"/>).</summary>
    public async Task<string> ReplyTextAsync(HttpResponseMessage response, string to)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(body), "expected a passive reply, got an empty 200");
        var inner = SafeXml.ParseRoot(OpenReply(body));
        Assert.Equal(to, inner.Child("ToUserName"));
        Assert.Equal(Official.CorpId, inner.Child("FromUserName"));
        Assert.Equal("text", inner.Child("MsgType"));
        return inner.Child("Content")!;
    }

    /// <summary>Everything the bot logged so far (its rolling file under the data folder).</summary>
    public string LogText()
    {
        var dir = Path.Combine(Bot.DataDir, "logs");
        if (!Directory.Exists(dir)) return "";
        var sb = new StringBuilder();
        foreach (var file in Directory.GetFiles(dir))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            sb.Append(new StreamReader(stream).ReadToEnd());
        }
        return sb.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

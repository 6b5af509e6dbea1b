using Npgsql;
using Zhonghan.Adapters.WeCom.Crypto;
using Zhonghan.Testing;
using Zhonghan.Testing.Postgres;

namespace Zhonghan.Adapters.WeCom.Tests;

/// <summary>Two bot processes on one PostgreSQL database behind WeCom: a callback that reaches both has one effect.</summary>
public sealed class TwoInstanceCallbackTests : IDisposable
{
    private readonly PgTestDatabase? db = PgTest.SkipReason is null ? new PgTestDatabase() : null;

    [PostgresFact]
    public async Task TheSameCallbackPostedToBothInstancesHasOneEffect()
    {
        await using var fake = await FakeWeCom.StartAsync();
        string[] wecom =
        [
            $"--WeCom:CorpId={Official.CorpId}", $"--WeCom:AgentId={WeComTestBot.AgentId}", "--WeCom:Secret=app-secret",
            $"--WeCom:Token={Official.Token}", $"--WeCom:EncodingAESKey={Official.AesKey}", $"--WeCom:ApiBaseUrl={fake.BaseUrl}",
        ];
        await using var a = await ScaledBot.StartAsync(db!.ConnectionString, wecom);
        await using var b = await ScaledBot.StartAsync(db.ConnectionString, wecom);
        var crypto = new WeComCrypto(Official.Token, Official.AesKey, Official.CorpId);
        var xml = WeComTestBot.TextXml("zhangsan", "新建线索 重庆两路电子有限公司 陈工", "7000000000000000001", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        // WeCom retries a callback it got no answer to; behind a proxy the retry may land on the other instance.
        HttpRequestMessage Post()
        {
            var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
            var encrypt = crypto.Encrypt(xml);
            var body = $"<xml><ToUserName><![CDATA[{Official.CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
            return WeComTestBot.Raw($"msg_signature={crypto.Sign(ts, "4242", encrypt)}&timestamp={ts}&nonce=4242", body);
        }
        var answers = await Task.WhenAll(a.Http.SendAsync(Post()), b.Http.SendAsync(Post()));
        Assert.All(answers, r => Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode));
        using var c = new NpgsqlConnection(db.ConnectionString);
        c.Open();
        using var count = new NpgsqlCommand("SELECT count(*) FROM customers WHERE body->>'company' = '重庆两路电子有限公司'", c);
        Assert.Equal(1L, (long)count.ExecuteScalar()!);
        using var processed = new NpgsqlCommand("SELECT count(*) FROM processed WHERE id LIKE '%7000000000000000001%'", c);
        Assert.Equal(1L, (long)processed.ExecuteScalar()!);
    }

    public void Dispose() => db?.Dispose();
}

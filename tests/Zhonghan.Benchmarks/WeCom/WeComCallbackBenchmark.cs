using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zhonghan.Adapters.WeCom.Crypto;
using Zhonghan.Bot.Hosting;
using Zhonghan.Adapters.WeCom.Model;

namespace Zhonghan.Benchmarks.WeCom;

/// <summary>
/// Encrypted WeCom callbacks (`跟进` from a known rep, answered passively) over loopback HTTP against the whole bot,
/// side by side with a bare Kestrel endpoint returning 200 (the ceiling). Requests are encrypted before timing so
/// the load generator does not compete with the server for the CPU more than sending does.
/// </summary>
public sealed class WeComCallbackBenchmark : IBenchmark
{
    private const string Token = "QDG6eK", AesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", CorpId = "wx5823bf96d3bd56c7";

    public string Name => "wecom";
    public string Description => "encrypted WeCom callbacks (跟进) through the bot vs a bare Kestrel 200 [--seconds 10] [--concurrency 8]";

    public async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 10);
        var concurrency = Option(args, "--concurrency", 8);
        var crypto = new WeComCrypto(Token, AesKey, CorpId);
        var requests = Enumerable.Range(0, 40_000).Select(i => Callback(crypto, i)).ToArray();

        await using var bareApp = await StartBareAsync();
        var bare = await MeasureAsync("bare Kestrel 200", bareApp, requests, seconds, concurrency);
        var data = Path.Combine(Path.GetTempPath(), "zhonghan-bench-wecom-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var botApp = await StartBotAsync(data);
            var bot = await MeasureAsync("WeCom callback (跟进)", botApp, requests, seconds, concurrency, checkReply: true);
            await BreakdownAsync(botApp, crypto, requests);
            Console.WriteLine();
            Console.WriteLine("| endpoint | requests/s | p50 ms | p99 ms |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var r in new[] { bare, bot })
                Console.WriteLine($"| {r.Name} | {r.PerSecond:F0} | {r.Stats.Percentile(50):F2} | {r.Stats.Percentile(99):F2} |");
            var ratio = bot.PerSecond / bare.PerSecond;
            Console.WriteLine($"\nWeCom callbacks reach {ratio:P0} of the bare endpoint (target ≥ 50 %), {concurrency} concurrent clients, {seconds} s each.");
            return ratio >= 0.5 ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(data, true); } catch (IOException) { }
        }
    }

    private sealed record Result(string Name, double PerSecond, Stats Stats);

    private static async Task<Result> MeasureAsync(string name, WebApplication app, (string Query, byte[] Body)[] requests,
        int seconds, int concurrency, bool checkReply = false)
    {
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(baseUrl) };
        var next = -1;
        async Task<double> One()
        {
            var (query, body) = requests[Interlocked.Increment(ref next) % requests.Length];
            var start = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync("/api/wecom/callback?" + query, new ByteArrayContent(body));
            var reply = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode || (checkReply && !reply.Contains("<Encrypt>", StringComparison.Ordinal)))
                throw new InvalidOperationException($"{name}: unexpected answer {(int)response.StatusCode} {reply}");
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        for (var i = 0; i < 200; i++) await One(); // warm up JIT, connections, caches
        var stats = new Stats(name);
        var until = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var count = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var local = new List<double>();
            while (Stopwatch.GetTimestamp() < until) local.Add(await One());
            lock (stats) { foreach (var ms in local) stats.Add(ms); count += local.Count; }
        });
        await Task.WhenAll(workers);
        var perSecond = count / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{stats}  →  {perSecond:F0} req/s");
        return new Result(name, perSecond, stats);
    }

    /// <summary>Where a callback's time goes: the WeCom adapter's own work versus the turn pipeline behind it.</summary>
    private static async Task BreakdownAsync(WebApplication bot, WeComCrypto crypto, (string Query, byte[] Body)[] requests)
    {
        var adapter = new Stats("adapter only: verify + decrypt + parse + map + encrypted reply");
        foreach (var (query, body) in requests.Take(5000))
        {
            var q = query.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            adapter.Measure(() =>
            {
                var xml = crypto.VerifyAndDecrypt(q["msg_signature"], q["timestamp"], q["nonce"],
                    Zhonghan.Adapters.WeCom.Model.CallbackEnvelope.ReadEncrypt(Encoding.UTF8.GetString(body)));
                var turn = Zhonghan.Adapters.WeCom.Mapping.WeComMapper.Map(Zhonghan.Adapters.WeCom.Model.InboundMessage.Parse(xml)).Turn!;
                var now = DateTimeOffset.UtcNow;
                return Zhonghan.Adapters.WeCom.Model.CallbackEnvelope.Build(crypto,
                    Zhonghan.Adapters.WeCom.Model.CallbackEnvelope.TextReply(turn.SenderId, CorpId, "✅ 已记录跟进", now), now);
            });
        }
        var pipeline = bot.Services.GetRequiredService<Zhonghan.Core.Conversations.IBot>();
        var turns = new Stats("pipeline only: one 跟进 turn (no HTTP, no crypto)");
        for (var i = 0; i < 500; i++)
        {
            var turn = new Zhonghan.Core.Conversations.Turn
            {
                Channel = "wecom", MessageId = "bench-" + i, SenderId = "zhangsan", Text = $"跟进 汇川 直接调用第{i}次 下次 下周三",
                Address = Zhonghan.Core.Conversations.ConversationAddress.For("wecom", "zhangsan"),
            };
            await turns.MeasureAsync(() => pipeline.OnTurnAsync(turn, CancellationToken.None));
        }
        Console.WriteLine(adapter);
        Console.WriteLine(turns);
    }

    private static (string Query, byte[] Body) Callback(WeComCrypto crypto, int i)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var nonce = (100000 + i).ToString();
        var inner = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>" +
                    $"<CreateTime>{ts}</CreateTime><MsgType><![CDATA[text]]></MsgType>" +
                    $"<Content><![CDATA[跟进 汇川 电话沟通第{i}次，确认样品测试进度 下次 下周三]]></Content><MsgId>{7_000_000_000_000_000_000 + i}</MsgId><AgentID>1000002</AgentID></xml>";
        var encrypt = crypto.Encrypt(inner);
        var body = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        return ($"msg_signature={crypto.Sign(ts, nonce, encrypt)}&timestamp={ts}&nonce={nonce}", Encoding.UTF8.GetBytes(body));
    }

    private static async Task<WebApplication> StartBotAsync(string data)
    {
        var app = BotApp.Build([
            "--urls", "http://127.0.0.1:0", "--data", data, "--Zhonghan:ConsoleLog=false",
            $"--WeCom:CorpId={CorpId}", "--WeCom:AgentId=1000002", "--WeCom:Secret=bench", $"--WeCom:Token={Token}",
            $"--WeCom:EncodingAESKey={AesKey}", "--WeCom:ApiBaseUrl=http://127.0.0.1:9",
        ]);
        await app.StartAsync();
        return app;
    }

    private static async Task<WebApplication> StartBareAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/wecom/callback", () => Results.Ok());
        await app.StartAsync();
        return app;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
namespace Zhonghan.Testing;

/// <summary>
/// A loopback stand-in for the WeCom server API on 127.0.0.1: records every call, issues tokens (tok-1, tok-2 …),
/// answers kf calls from a script, and can be told to fail the next calls of a path with an errcode (42001,
/// 45009 …) or an HTTP status (5xx).
/// </summary>
public sealed class FakeWeCom : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Failure>> failures = new();
    private readonly ConcurrentQueue<JsonObject> kfPages = new();
    private readonly Signal arrived = new();
    private int tokens;
    private int messageIds;

    public sealed record Call(string Path, IReadOnlyDictionary<string, string> Query, JsonNode? Body);
    private sealed record Failure(int? Errcode, int? Status);

    public ConcurrentQueue<Call> Calls { get; } = new();
    public string BaseUrl { get; }
    public string CurrentToken => $"tok-{tokens}";
    /// <summary>The 微信客服 session state service_state/get answers (trans changes it).</summary>
    public int KfState { get; set; }

    private FakeWeCom(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeWeCom> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeWeCom? fake = null;
        app.Map("/cgi-bin/{**path}", async (HttpContext http, string path) => await fake!.HandleAsync(http, path));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeWeCom(app, address);
        return fake;
    }

    public void FailNext(string path, int errcode, int times = 1) => Enqueue(path, new Failure(errcode, null), times);

    public void FailHttpNext(string path, int status, int times = 1) => Enqueue(path, new Failure(null, status), times);

    /// <summary>The next kf/sync_msg answer: these items, then has_more 0 and the given cursor.</summary>
    public void AddKfPage(string nextCursor, bool hasMore, params object[] items) =>
        kfPages.Enqueue(JsonSerializer.SerializeToNode(new { errcode = 0, errmsg = "ok", next_cursor = nextCursor, has_more = hasMore ? 1 : 0, msg_list = items })!.AsObject());

    public IReadOnlyList<Call> CallsTo(string path) => Calls.Where(c => c.Path == path).ToList();

    /// <summary>Waits (bounded, woken by each call) until <paramref name="count"/> calls to the path were recorded.</summary>
    public async Task<IReadOnlyList<Call>> WaitForAsync(string path, int count = 1)
    {
        await arrived.UntilAsync(() => CallsTo(path).Count >= count,
            () => $"expected {count} call(s) to {path}, got {CallsTo(path).Count}: {string.Join(", ", Calls.Select(c => c.Path))}");
        return CallsTo(path);
    }

    /// <summary>Waits (bounded, woken by each call) for a call to the path that matches <paramref name="match"/>.</summary>
    public async Task<Call> WaitForAsync(string path, Func<Call, bool> match)
    {
        await arrived.UntilAsync(() => CallsTo(path).Any(match), () => $"no matching call to {path}");
        return CallsTo(path).First(match);
    }

    private void Enqueue(string path, Failure failure, int times)
    {
        var q = failures.GetOrAdd(path, _ => new ConcurrentQueue<Failure>());
        for (var i = 0; i < times; i++) q.Enqueue(failure);
    }

    private async Task<IResult> HandleAsync(HttpContext http, string path)
    {
        JsonNode? body = null;
        if (http.Request.HasJsonContentType()) body = await JsonNode.ParseAsync(http.Request.Body);
        else if (http.Request.HasFormContentType) body = new JsonObject { ["multipart"] = (await http.Request.ReadFormAsync()).Files.Count };
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        Calls.Enqueue(new Call(path, query, body));
        arrived.Raise();

        if (failures.TryGetValue(path, out var q) && q.TryDequeue(out var failure))
            return failure.Status is int status ? Results.StatusCode(status) : Results.Json(new { errcode = failure.Errcode, errmsg = "fake failure" });
        if (path != "gettoken" && !path.StartsWith("webhook/", StringComparison.Ordinal) && query.GetValueOrDefault("access_token") != CurrentToken)
            return Results.Json(new { errcode = 40014, errmsg = "invalid access_token" });

        return path switch
        {
            "gettoken" => Results.Json(new { errcode = 0, errmsg = "ok", access_token = $"tok-{Interlocked.Increment(ref tokens)}", expires_in = 7200 }),
            "message/send" => Results.Json(new { errcode = 0, errmsg = "ok", msgid = $"msg-{Interlocked.Increment(ref messageIds)}" }),
            "media/upload" => Results.Json(new { errcode = 0, errmsg = "ok", type = "image", media_id = "media-1" }),
            "kf/sync_msg" => Results.Json(kfPages.TryDequeue(out var page) ? page
                : new JsonObject { ["errcode"] = 0, ["next_cursor"] = body?["cursor"]?.GetValue<string>() ?? "", ["has_more"] = 0, ["msg_list"] = new JsonArray() }),
            "kf/service_state/get" => Results.Json(new { errcode = 0, service_state = KfState }),
            "kf/service_state/trans" => Trans(body),
            "kf/customer/batchget" => Results.Json(new
            {
                errcode = 0,
                customer_list = (body?["external_userid_list"]?.AsArray() ?? []).Select(id => new { external_userid = id!.GetValue<string>(), nickname = "微信用户" + id }),
            }),
            _ => Results.Json(new { errcode = 0, errmsg = "ok" }),
        };
    }

    private IResult Trans(JsonNode? body)
    {
        KfState = body?["service_state"]?.GetValue<int>() ?? KfState;
        return Results.Json(new { errcode = 0, errmsg = "ok", msg_code = "MSG_CODE" });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

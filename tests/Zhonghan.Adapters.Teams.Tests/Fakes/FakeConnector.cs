using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Zhonghan.Testing;

namespace Zhonghan.Adapters.Teams.Tests.Fakes;

/// <summary>One request the bot made to the Connector, as it arrived on the wire.</summary>
public sealed record ConnectorRequest(string Method, string RawTarget, string? Authorization, JsonNode? Body)
{
    /// <summary>The activity text as a person reads it (the bot sends HTML with &lt;br&gt; line breaks).</summary>
    public string Text => WebUtility.HtmlDecode(((string?)Body?["text"] ?? "").Replace("<br>", "\n"));
    public JsonObject? Card => Body?["attachments"]?[0]?["content"] as JsonObject;
}

/// <summary>
/// The Bot Connector on loopback, under a Teams-style serviceUrl (<c>/amer/{tenant}/</c>): records every request and
/// answers like Teams (201 with a new id), unless a test queues other answers (429, 502 …).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> scripted = new();
    private LoopbackServer server = null!;
    private int ids;
    private readonly Signal arrived = new();

    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();
    public string Tenant { get; private init; } = "";
    public string ServiceUrl => new Uri(server.BaseAddress, $"/amer/{Tenant}/").ToString();

    public static async Task<FakeConnector> StartAsync(string tenant)
    {
        var connector = new FakeConnector { Tenant = tenant };
        connector.server = await LoopbackServer.StartAsync(connector.HandleAsync);
        return connector;
    }

    /// <summary>The next request is answered with this instead of success.</summary>
    public void Answer(int status, string body = "", string? retryAfter = null) => scripted.Enqueue((status, body, retryAfter));

    public IReadOnlyList<ConnectorRequest> Activities => Requests.Where(r => r.RawTarget.Contains("/activities")).ToList();

    /// <summary>Waits (bounded, woken by each request) until <paramref name="count"/> requests (matching <paramref name="where"/>) arrived.</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForAsync(int count, Func<ConnectorRequest, bool>? where = null)
    {
        List<ConnectorRequest> Matching() => Requests.Where(where ?? (_ => true)).ToList();
        await arrived.UntilAsync(() => Matching().Count >= count,
            () => $"expected {count} Connector requests, got {Matching().Count}: {string.Join(", ", Requests.Select(r => r.Method + " " + r.RawTarget))}");
        return Matching();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var raw = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
        Requests.Enqueue(new ConnectorRequest(ctx.Request.Method, raw, ctx.Request.Headers.Authorization.FirstOrDefault(),
            body.Length > 0 ? JsonNode.Parse(body) : null));
        arrived.Raise();
        ctx.Response.ContentType = "application/json";
        if (scripted.TryDequeue(out var answer))
        {
            ctx.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is not null) ctx.Response.Headers.RetryAfter = answer.RetryAfter;
            await ctx.Response.WriteAsync(answer.Body);
            return;
        }
        var id = Interlocked.Increment(ref ids);
        if (ctx.Request.Method == "POST" && raw.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = 201;
            await ctx.Response.WriteAsync(new JsonObject { ["id"] = $"a:created-{id}" }.ToJsonString());
            return;
        }
        ctx.Response.StatusCode = ctx.Request.Method == "PUT" ? 200 : 201;
        // Activity ids of their own range, so they never collide with the ids of test messages (17…).
        await ctx.Response.WriteAsync(new JsonObject { ["id"] = $"18{id:D11}" }.ToJsonString());
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();
}

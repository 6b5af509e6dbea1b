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

namespace Zhonghan.Knowledge.Tests;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (a free port) whose chat answers are scripted per test: it records every
/// request and answers chat completions from <see cref="Chat"/> and embeddings from <see cref="Embed"/>. No internet.
/// </summary>
public sealed class FakeOpenAi : IAsyncDisposable
{
    private readonly WebApplication app;

    public ConcurrentQueue<(string Path, string Authorization, JsonNode Body)> Requests { get; } = new();
    /// <summary>Given the request body, the assistant message to return (see <see cref="Text"/> and <see cref="ToolCall"/>).</summary>
    public Func<JsonNode, JsonObject> Chat { get; set; } = _ => Text("INFO NOT FOUND");
    /// <summary>Embedding of one input text.</summary>
    public Func<string, float[]> Embed { get; set; } = _ => [1, 0, 0];
    public Uri BaseAddress { get; }

    private FakeOpenAi(WebApplication app, Uri baseAddress) { this.app = app; BaseAddress = baseAddress; }

    public static async Task<FakeOpenAi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeOpenAi? fake = null;
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            var body = (await JsonNode.ParseAsync(http.Request.Body))!;
            fake!.Requests.Enqueue((http.Request.Path.Value!, http.Request.Headers.Authorization.ToString() + http.Request.Headers["api-key"], body));
            if (http.Request.Path.Value!.EndsWith("/embeddings")) return Results.Text(fake.Embeddings(body).ToJsonString(), "application/json");
            var response = new JsonObject
            {
                ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1, ["model"] = "fake-model",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["message"] = fake.Chat(body),
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
            };
            if (response["choices"]![0]!["message"]!["tool_calls"] is not null) response["choices"]![0]!["finish_reason"] = "tool_calls";
            return Results.Text(response.ToJsonString(), "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeOpenAi(app, new Uri(address));
        return fake;
    }

    public static JsonObject Text(string content) => new() { ["role"] = "assistant", ["content"] = content };

    public static JsonObject ToolCall(string function, object arguments) => new()
    {
        ["role"] = "assistant", ["content"] = null,
        ["tool_calls"] = new JsonArray(new JsonObject
        {
            ["id"] = "call_1", ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = function, ["arguments"] = JsonSerializer.Serialize(arguments) },
        }),
    };

    /// <summary>The tool results the request carries (messages with role "tool").</summary>
    public static IReadOnlyList<string> ToolResults(JsonNode body) =>
        body["messages"]!.AsArray().Where(m => (string?)m!["role"] == "tool").Select(m => m!["content"]!.ToString()).ToList();

    private JsonObject Embeddings(JsonNode body)
    {
        var inputs = body["input"] is JsonArray a ? a.Select(x => x!.ToString()).ToList() : [body["input"]!.ToString()];
        var base64 = (string?)body["encoding_format"] == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var v = Embed(inputs[i]);
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(v.SelectMany(BitConverter.GetBytes).ToArray()))
                : new JsonArray(v.Select(x => (JsonNode)JsonValue.Create(x)).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }
        return new JsonObject
        {
            ["object"] = "list", ["data"] = data, ["model"] = "fake-embedding",
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
        };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>IHttpClientFactory for code under test that is built without a host.</summary>
public sealed class PlainHttpClientFactory : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromSeconds(20) };
}

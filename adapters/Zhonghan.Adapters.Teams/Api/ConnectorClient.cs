using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Refit;
using Zhonghan.Adapters.Teams.Model;
using Zhonghan.Adapters.Teams.Messaging;

namespace Zhonghan.Adapters.Teams.Api;

/// <summary>The outcome of one Connector call: ok with the answer, or the HTTP status and Teams' error code.</summary>
public sealed record ConnectorResult<T>(bool Ok, T? Value, int Status, string? ErrorCode, string? Error)
{
    public static ConnectorResult<T> Failed(int status, string? code, string error) => new(false, default, status, code, error);
}

/// <summary>
/// All Connector I/O: one Refit client per serviceUrl (the Connector is regional, so the base address comes with each
/// conversation). Sends to a conversation are paced; retries, the token and the trust check live in the HttpClient's
/// handlers. Failures come back as results, with Teams' error code (ConversationBlockedByUser, BotNotInConversationRoster …).
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory http, ConversationPacer pacer, ILogger<ConnectorClient> log)
{
    public const string HttpClientName = "teams-connector";
    private static readonly RefitSettings Settings = new() { ContentSerializer = new SystemTextJsonContentSerializer(TeamsJson.Options) };

    public Task<ConnectorResult<ResourceResponse>> SendAsync(string serviceUrl, string conversationId, Activity activity, string? replyToId, CancellationToken ct)
    {
        activity.ReplyToId = replyToId is { Length: > 0 } ? replyToId : null;
        return pacer.RunAsync(conversationId, () => CallAsync<ResourceResponse>("send", serviceUrl, api => replyToId is { Length: > 0 }
            ? api.ReplyToActivityAsync(conversationId, replyToId, activity, ct)
            : api.SendToConversationAsync(conversationId, activity, ct), ct), ct);
    }

    public Task<ConnectorResult<ResourceResponse>> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        pacer.RunAsync(conversationId, () => CallAsync<ResourceResponse>("update", serviceUrl,
            api => api.UpdateActivityAsync(conversationId, activityId, activity, ct), ct), ct);

    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct) =>
        CallAsync<ConversationResourceResponse>("create conversation", serviceUrl, api => api.CreateConversationAsync(parameters, ct), ct);

    private IConnectorApi Api(string serviceUrl)
    {
        var client = http.CreateClient(HttpClientName);
        client.BaseAddress = new Uri(serviceUrl.TrimEnd('/') + "/");
        return RestService.For<IConnectorApi>(client, Settings);
    }

    private async Task<ConnectorResult<T>> CallAsync<T>(string what, string serviceUrl, Func<IConnectorApi, Task<HttpResponseMessage>> call, CancellationToken ct)
        where T : class
    {
        try
        {
            using var response = await call(Api(serviceUrl));
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return new ConnectorResult<T>(true, await ReadAsync<T>(response, ct), status, null, null);
            var error = (await ReadAsync<ErrorResponse>(response, ct))?.Error;
            log.LogWarning("Teams {What} failed: HTTP {Status} {Code}", what, status, error?.Code);
            return ConnectorResult<T>.Failed(status, error?.Code, $"HTTP {status} {error?.Code} {error?.Message}".Trim());
        }
        catch (Exception e) when (!ct.IsCancellationRequested && Unwrap(e) is var inner
                                  && inner is UntrustedServiceUrlException or BotTokenException or HttpRequestException or TaskCanceledException)
        {
            var code = inner switch
            {
                UntrustedServiceUrlException => "UntrustedServiceUrl",
                BotTokenException => "BotTokenUnavailable",
                HttpRequestException => "Unreachable",
                _ => "Timeout",
            };
            log.LogWarning("Teams {What} failed: {Code} {Reason}", what, code, inner.Message);
            return ConnectorResult<T>.Failed(0, code, inner.Message);
        }
    }

    /// <summary>Refit wraps what the handlers throw (trust refusal, token failure, network) in its own exception.</summary>
    private static Exception Unwrap(Exception e) => e is ApiRequestException { InnerException: { } inner } ? inner : e;

    /// <summary>Reads a JSON answer; an empty or non-JSON body (202) is null, not an error.</summary>
    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) where T : class
    {
        if (response.Content.Headers.ContentLength == 0) return null;
        try { return await response.Content.ReadFromJsonAsync<T>(TeamsJson.Options, ct); }
        catch (JsonException) { return null; }
        catch (NotSupportedException) { return null; }
    }
}

using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Zhonghan.Adapters.Teams.Api;

public sealed class UntrustedServiceUrlException(string serviceUrl)
    : Exception($"serviceUrl '{serviceUrl}' is not trusted: it came in no authenticated activity and is not allow-listed");

/// <summary>
/// Puts the bot token on Connector requests — only for trusted serviceUrls (see <see cref="ServiceUrlTrust"/>). A request
/// to a refused URL is never sent. A 401 answer drops the cached token and tries once more with a fresh one.
/// </summary>
public sealed class ConnectorAuthHandler(ServiceUrlTrust trust, BotTokenProvider tokens, IOptions<TeamsOptions> options,
    ILogger<ConnectorAuthHandler> log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var serviceUrl = ServiceUrlTrust.BaseOf(request.RequestUri!) ?? request.RequestUri!.GetLeftPart(UriPartial.Authority);
        var decision = trust.Decide(serviceUrl);
        if (decision == ServiceUrlDecision.Refused)
        {
            log.LogWarning("Refused to call untrusted serviceUrl {ServiceUrl}", serviceUrl);
            throw new UntrustedServiceUrlException(serviceUrl);
        }
        if (decision == ServiceUrlDecision.Anonymous || !options.Value.HasCredentials)
            return await base.SendAsync(request, ct);

        var token = await tokens.GetTokenAsync(ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        tokens.Invalidate(token);
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(ct));
        return await base.SendAsync(request, ct);
    }
}

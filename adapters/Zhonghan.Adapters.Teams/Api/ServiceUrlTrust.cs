using Microsoft.Extensions.Options;
using Zhonghan.Adapters.Teams.Messaging;

namespace Zhonghan.Adapters.Teams.Api;

public enum ServiceUrlDecision
{
    /// <summary>Send with the bot token.</summary>
    Trusted,
    /// <summary>Send without a token (emulator mode, unknown URL).</summary>
    Anonymous,
    /// <summary>Do not send at all.</summary>
    Refused,
}

/// <summary>
/// Where the bot token may go. Any inbound activity names a serviceUrl, so a forged one could otherwise collect our
/// token: it is sent only to serviceUrls that came in authenticated activities, to the configured default, and to
/// allow-listed hosts — over https (http only on loopback, for tests and the emulator).
/// </summary>
public sealed class ServiceUrlTrust(TeamsStore store, IOptions<TeamsOptions> options)
{
    public void RecordAuthenticated(string serviceUrl)
    {
        if (Normalize(serviceUrl) is { } n) store.Trust(n);
    }

    public ServiceUrlDecision Decide(string serviceUrl)
    {
        var o = options.Value;
        if (Normalize(serviceUrl) is not { } n || !Uri.TryCreate(n, UriKind.Absolute, out var uri)) return ServiceUrlDecision.Refused;
        var secure = uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback;
        if (secure && (store.IsTrusted(n) || n == Normalize(o.DefaultServiceUrl) || HostAllowed(uri, o))) return ServiceUrlDecision.Trusted;
        return o.AllowUnauthenticated ? ServiceUrlDecision.Anonymous : ServiceUrlDecision.Refused;
    }

    /// <summary>The serviceUrl a Connector request goes to: everything before <c>/v3/</c>.</summary>
    public static string? BaseOf(Uri requestUri)
    {
        var path = requestUri.AbsolutePath;
        var i = path.IndexOf("/v3/", StringComparison.Ordinal);
        return i < 0 ? null : $"{requestUri.Scheme}://{requestUri.Authority}{path[..i]}";
    }

    /// <summary><c>scheme://host[:port]/path</c>, lower-case scheme and host, no trailing slash; null if not http(s).</summary>
    public static string? Normalize(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttps && u.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(u.UserInfo))
            return null;
        return $"{u.Scheme}://{u.Authority.ToLowerInvariant()}{u.AbsolutePath.TrimEnd('/')}";
    }

    private static bool HostAllowed(Uri uri, TeamsOptions o) =>
        uri.Scheme == Uri.UriSchemeHttps && uri.IdnHost.Equals(TeamsOptions.TeamsConnectorHost, StringComparison.OrdinalIgnoreCase)
        || o.AllowedServiceUrlHosts.Any(h => h.Trim().Equals(h.Contains(':') ? uri.Authority : uri.IdnHost, StringComparison.OrdinalIgnoreCase));
}

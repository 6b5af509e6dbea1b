using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Zhonghan.Bot.LocalChat;

/// <summary>How one request to the local chat is answered.</summary>
public enum LocalChatAccess { Allowed, Closed, KeyNeeded }

/// <summary>
/// The local chat's mode, decided from the addresses the server actually bound (<see cref="LocalChatRule"/>), once the
/// server has started; until then nothing is decided and the chat is closed. Each request is checked as well: one that
/// arrives on a non-loopback connection needs the key, whatever the mode.
/// </summary>
public sealed class LocalChatMode(IServer server, IHostApplicationLifetime lifetime, LocalChatOptions options)
{
    private const string TestServerType = "Microsoft.AspNetCore.TestHost.TestServer";
    private LocalChatDecision? decided;
    private readonly Lock gate = new();

    public bool InMemoryServer => server.GetType().FullName == TestServerType;

    /// <summary>The decision, or null while the server has not started yet.</summary>
    public LocalChatDecision? Decision
    {
        get
        {
            if (decided is not null || !lifetime.ApplicationStarted.IsCancellationRequested) return decided;
            lock (gate)
            {
                var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
                return decided ??= LocalChatRule.Decide(addresses, InMemoryServer, options);
            }
        }
    }

    public LocalChatAccess Check(string? key, IPAddress? remote)
    {
        if (Decision is not { Enabled: true } d) return LocalChatAccess.Closed;
        if (KeyMatches(key)) return LocalChatAccess.Allowed;
        if (d.KeyRequired) return LocalChatAccess.KeyNeeded;
        // Loopback mode: only loopback connections (an in-process test server has no connection address at all).
        var local = LocalChatRule.IsLoopback(remote) || (remote is null && InMemoryServer);
        return local ? LocalChatAccess.Allowed : LocalChatAccess.KeyNeeded;
    }

    private bool KeyMatches(string? key) =>
        key is not null && options.Key is { Length: > 0 } required
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(required));
}

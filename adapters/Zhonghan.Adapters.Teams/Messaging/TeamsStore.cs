using System.Collections.Concurrent;
using Zhonghan.Core.Storage;
using Zhonghan.Adapters.Teams.Api;

namespace Zhonghan.Adapters.Teams.Messaging;

/// <summary>A user's 1:1 chat with the bot, so proactive messages reach them privately (also after a restart).</summary>
public sealed class PersonalConversation
{
    /// <summary>The user's AAD object id, lower case.</summary>
    public string Id { get; set; } = "";
    /// <summary>The user's Teams id (29:…), when known.</summary>
    public string? TeamsUserId { get; set; }
    public string ConversationId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string? TenantId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class TenantServiceUrl
{
    public string Id { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

public sealed class TrustedServiceUrl
{
    /// <summary>The normalized serviceUrl (see <see cref="ServiceUrlTrust.Normalize"/>).</summary>
    public string Id { get; set; } = "";
    public DateTime FirstSeenAt { get; set; }
}

public sealed class SentMessage
{
    /// <summary>The sender's idempotency key.</summary>
    public string Id { get; set; } = "";
    public string? MessageRef { get; set; }
    public DateTime At { get; set; }
}

/// <summary>What the Teams channel must remember across restarts, as small records of the CRM's store.</summary>
public sealed class TeamsStore
{
    private const string PersonalBucket = "teams_personal", Tenants = "teams_tenants", Trusted = "teams_service_urls", SentBucket = "teams_sent";
    private readonly IChannelState state;
    private readonly TimeProvider clock;
    // Every authenticated activity would otherwise be a write; the set is tiny (a few regional hosts).
    private readonly ConcurrentDictionary<string, bool> trustedCache = new(StringComparer.Ordinal);

    public TeamsStore(IChannelState state, TimeProvider clock)
    {
        (this.state, this.clock) = (state, clock);
        foreach (var (key, _) in state.WithPrefix<TrustedServiceUrl>(Trusted, "")) trustedCache[key] = true;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public PersonalConversation? Personal(string aadObjectId) => state.Get<PersonalConversation>(PersonalBucket, aadObjectId.ToLowerInvariant());

    public void RememberPersonal(string aadObjectId, string conversationId, string serviceUrl, string? tenantId, string? teamsUserId)
    {
        var id = aadObjectId.ToLowerInvariant();
        var existing = Personal(id);
        if (existing is not null && existing.ConversationId == conversationId && existing.ServiceUrl == serviceUrl
            && (teamsUserId is null || existing.TeamsUserId == teamsUserId)) return;
        state.Put(PersonalBucket, id, new PersonalConversation
        {
            Id = id, ConversationId = conversationId, ServiceUrl = serviceUrl, TenantId = tenantId ?? existing?.TenantId,
            TeamsUserId = teamsUserId ?? existing?.TeamsUserId, UpdatedAt = Now,
        }, Now);
    }

    public void ForgetPersonal(string aadObjectId) => state.Remove(PersonalBucket, aadObjectId.ToLowerInvariant());

    public string? ServiceUrlOfTenant(string tenantId) => state.Get<TenantServiceUrl>(Tenants, tenantId.ToLowerInvariant())?.ServiceUrl;

    public void RememberTenant(string tenantId, string serviceUrl)
    {
        var id = tenantId.ToLowerInvariant();
        if (ServiceUrlOfTenant(id) == serviceUrl) return;
        state.Put(Tenants, id, new TenantServiceUrl { Id = id, ServiceUrl = serviceUrl, UpdatedAt = Now }, Now);
    }

    public bool IsTrusted(string normalizedServiceUrl) => trustedCache.ContainsKey(normalizedServiceUrl);

    public void Trust(string normalizedServiceUrl)
    {
        if (!trustedCache.TryAdd(normalizedServiceUrl, true)) return;
        state.Put(Trusted, normalizedServiceUrl, new TrustedServiceUrl { Id = normalizedServiceUrl, FirstSeenAt = Now }, Now);
    }

    public SentMessage? Sent(string idempotencyKey) => state.Get<SentMessage>(SentBucket, idempotencyKey);

    public void MarkSent(string idempotencyKey, string? messageRef) =>
        state.Put(SentBucket, idempotencyKey, new SentMessage { Id = idempotencyKey, MessageRef = messageRef, At = Now }, Now);

    /// <summary>Forgets sent-message keys older than <paramref name="age"/>.</summary>
    public int PurgeSent(TimeSpan age) => state.Purge(SentBucket, Now - age);
}

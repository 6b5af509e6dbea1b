using System.Collections.Concurrent;
using LiteDB;
using Zhonghan.Core.Storage;

namespace Zhonghan.Adapters.Teams.Outbound;

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

/// <summary>What the Teams channel must remember across restarts, in the CRM's LiteDB file.</summary>
public sealed class TeamsStore
{
    private readonly ILiteCollection<PersonalConversation> personal;
    private readonly ILiteCollection<TenantServiceUrl> tenants;
    private readonly ILiteCollection<TrustedServiceUrl> trusted;
    private readonly ILiteCollection<SentMessage> sent;
    private readonly TimeProvider clock;
    // Every authenticated activity would otherwise be a write; the set is tiny (a few regional hosts).
    private readonly ConcurrentDictionary<string, bool> trustedCache = new(StringComparer.Ordinal);

    public TeamsStore(CrmDb db, TimeProvider clock)
    {
        this.clock = clock;
        personal = db.Collection<PersonalConversation>("teams_personal");
        tenants = db.Collection<TenantServiceUrl>("teams_tenants");
        trusted = db.Collection<TrustedServiceUrl>("teams_service_urls");
        sent = db.Collection<SentMessage>("teams_sent");
        foreach (var t in trusted.FindAll()) trustedCache[t.Id] = true;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public PersonalConversation? Personal(string aadObjectId) => personal.FindById(aadObjectId.ToLowerInvariant());

    public void RememberPersonal(string aadObjectId, string conversationId, string serviceUrl, string? tenantId, string? teamsUserId)
    {
        var id = aadObjectId.ToLowerInvariant();
        var existing = personal.FindById(id);
        if (existing is not null && existing.ConversationId == conversationId && existing.ServiceUrl == serviceUrl
            && (teamsUserId is null || existing.TeamsUserId == teamsUserId)) return;
        personal.Upsert(new PersonalConversation
        {
            Id = id, ConversationId = conversationId, ServiceUrl = serviceUrl, TenantId = tenantId ?? existing?.TenantId,
            TeamsUserId = teamsUserId ?? existing?.TeamsUserId, UpdatedAt = Now,
        });
    }

    public void ForgetPersonal(string aadObjectId) => personal.Delete(aadObjectId.ToLowerInvariant());

    public string? ServiceUrlOfTenant(string tenantId) => tenants.FindById(tenantId.ToLowerInvariant())?.ServiceUrl;

    public void RememberTenant(string tenantId, string serviceUrl)
    {
        var id = tenantId.ToLowerInvariant();
        if (tenants.FindById(id)?.ServiceUrl == serviceUrl) return;
        tenants.Upsert(new TenantServiceUrl { Id = id, ServiceUrl = serviceUrl, UpdatedAt = Now });
    }

    public bool IsTrusted(string normalizedServiceUrl) => trustedCache.ContainsKey(normalizedServiceUrl);

    public void Trust(string normalizedServiceUrl)
    {
        if (!trustedCache.TryAdd(normalizedServiceUrl, true)) return;
        trusted.Upsert(new TrustedServiceUrl { Id = normalizedServiceUrl, FirstSeenAt = Now });
    }

    public SentMessage? Sent(string idempotencyKey) => sent.FindById(idempotencyKey);

    public void MarkSent(string idempotencyKey, string? messageRef) =>
        sent.Upsert(new SentMessage { Id = idempotencyKey, MessageRef = messageRef, At = Now });
}

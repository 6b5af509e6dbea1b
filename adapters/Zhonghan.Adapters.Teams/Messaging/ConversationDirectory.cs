using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zhonghan.Adapters.Teams.Mapping;
using Zhonghan.Adapters.Teams.Model;
using Zhonghan.Core.Conversations;
using Zhonghan.Adapters.Teams.Api;

namespace Zhonghan.Adapters.Teams.Messaging;

/// <summary>
/// Finds — or creates — the 1:1 chat for a proactive message. Reminders and approvals are personal, so an address from a
/// group chat or channel is redirected to the user's 1:1 chat. Learns from every inbound activity.
/// </summary>
public sealed class ConversationDirectory(TeamsStore store, ServiceUrlTrust trust, ConnectorClient connector,
    IOptions<TeamsOptions> options, ILogger<ConversationDirectory> log)
{
    /// <summary>Remembers what an accepted inbound activity tells about where users and tenants are.</summary>
    public void Observe(Activity a, bool authenticated)
    {
        if (a.ServiceUrl is not { Length: > 0 } serviceUrl) return;
        if (authenticated) trust.RecordAuthenticated(serviceUrl);
        if (a.TenantId is { Length: > 0 and <= 64 } tenant) store.RememberTenant(tenant, serviceUrl);
        // Only ids of a believable size are remembered (they are storage keys); an AAD object id is a GUID.
        if (ActivityMapper.ConversationTypeOf(a) == ConversationTypes.Personal && a.From?.AadObjectId is { Length: > 0 and <= 64 } aad
            && a.Conversation?.Id is { Length: > 0 } conversation)
            store.RememberPersonal(aad, conversation, serviceUrl, a.TenantId, a.From.Id);
    }

    /// <summary>The 1:1 chat to send to; null with a reason when the user cannot be reached.</summary>
    public async Task<(ConversationTarget? Target, string? Error)> ResolveAsync(ConversationAddress to, bool fresh, CancellationToken ct)
    {
        var o = options.Value;
        var teamsUserId = to.UserId.StartsWith("29:", StringComparison.Ordinal) ? to.UserId : null;
        var aad = to.Extra.GetValueOrDefault(AddressKeys.AadObjectId) is { Length: > 0 } a ? a
            : Guid.TryParse(to.UserId, out _) ? to.UserId : null;
        var type = to.Extra.GetValueOrDefault(AddressKeys.ConversationType);
        var botName = to.Extra.GetValueOrDefault(AddressKeys.BotName);

        if (!fresh && to.ConversationId is { Length: > 0 } cid && to.ServiceUrl is { Length: > 0 } url && type is null or ConversationTypes.Personal)
            return (new ConversationTarget(url, cid, ConversationTypes.Personal, to.BotId ?? BotId(o), botName, teamsUserId, to.TenantId), null);
        var known = aad is null ? null : store.Personal(aad);
        if (!fresh && known is not null)
            return (new ConversationTarget(known.ServiceUrl, known.ConversationId, ConversationTypes.Personal, to.BotId ?? BotId(o), botName,
                known.TeamsUserId ?? teamsUserId, known.TenantId), null);

        var tenant = to.TenantId ?? known?.TenantId ?? o.TenantId;
        var member = teamsUserId ?? known?.TeamsUserId ?? aad;
        if (string.IsNullOrWhiteSpace(tenant)) return (null, "tenant unknown: set Teams:TenantId or let the user message the bot first");
        if (member is null) return (null, $"no Teams id for '{to.UserId}'");
        if (!o.HasCredentials) return (null, "Teams:AppId/AppPassword are needed to start a chat");
        var serviceUrl = to.ServiceUrl ?? known?.ServiceUrl ?? store.ServiceUrlOfTenant(tenant) ?? o.DefaultServiceUrl;

        // Idempotent for 1:1: Teams returns the existing chat when there is one. The user must have the app installed.
        var created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = BotId(o) },
            Members = [new ChannelAccount { Id = member }],
            TenantId = tenant,
            ChannelData = new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = tenant } },
        }, ct);
        if (!created.Ok || created.Value?.Id is not { Length: > 0 } id)
            return (null, $"could not create the 1:1 chat: {created.Error ?? "no conversation id returned"}");
        var actualUrl = created.Value.ServiceUrl is { Length: > 0 } u ? u : serviceUrl;
        if (aad is not null) store.RememberPersonal(aad, id, actualUrl, tenant, teamsUserId ?? known?.TeamsUserId);
        log.LogInformation("Created a Teams 1:1 chat for a proactive message");
        return (new ConversationTarget(actualUrl, id, ConversationTypes.Personal, BotId(o), botName, teamsUserId, tenant), null);
    }

    public void Forget(ConversationAddress to)
    {
        if (to.Extra.GetValueOrDefault(AddressKeys.AadObjectId) is { Length: > 0 } aad) store.ForgetPersonal(aad);
        else if (Guid.TryParse(to.UserId, out _)) store.ForgetPersonal(to.UserId);
    }

    private static string? BotId(TeamsOptions o) => o.HasAppId ? o.BotId : null;
}

using Zhonghan.Adapters.Teams.Mapping;
using Zhonghan.Adapters.Teams.Model;

namespace Zhonghan.Adapters.Teams.Messaging;

/// <summary>Where an outbound activity goes: the Connector base, the conversation, and who is talking to whom.</summary>
public sealed record ConversationTarget(
    string ServiceUrl, string ConversationId, string ConversationType, string? BotId, string? BotName, string? UserId, string? TenantId)
{
    public static ConversationTarget FromInbound(Activity a) => new(
        a.ServiceUrl!, a.Conversation!.Id!, ActivityMapper.ConversationTypeOf(a), a.Recipient?.Id, a.Recipient?.Name, a.From?.Id, a.TenantId);

    /// <summary>Fills the addressing fields the SDKs send (the Connector routes by URL; clients read these).</summary>
    public Activity Stamp(Activity activity)
    {
        activity.ChannelId = ActivityMapper.TeamsChannelId;
        activity.ServiceUrl = ServiceUrl;
        activity.Conversation = new ConversationAccount { Id = ConversationId, ConversationType = ConversationType, TenantId = TenantId };
        if (BotId is not null) activity.From = new ChannelAccount { Id = BotId, Name = BotName };
        if (UserId is not null && ConversationType == ConversationTypes.Personal) activity.Recipient = new ChannelAccount { Id = UserId };
        return activity;
    }
}

using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// Turns from outside customers (微信客服, a local-chat name that is no CRM user): the contact is recorded with the
/// name the channel gave, the customer desk answers, and a hand-over names who takes the customer — the owner of the
/// linked customer, else a colleague on duty — so the channel needs to know nothing of the CRM.
/// </summary>
public sealed class CustomerTurns(ICustomerDesk desk, ExternalContacts contacts, CustomerService customers, UserDirectory users)
{
    public async Task<IReadOnlyList<Reply>> HandleAsync(Turn turn, string turnId, CancellationToken ct)
    {
        contacts.Touch(turn.Channel, turn.SenderId, turn.SenderName);
        var replies = await desk.HandleAsync(turn, turnId, ct);
        foreach (var r in replies.Where(r => r is { HandOverToHuman: true, HandOverTo: null }))
            r.HandOverTo = ServicerFor(turn);
        return replies;
    }

    private string? ServicerFor(Turn turn)
    {
        var contact = contacts.Get(turn.Channel, turn.SenderId);
        var owner = contact?.CustomerId is int id && customers.Get(id)?.OwnerId is int o ? users.Get(o) : null;
        if (owner is { Active: true } && IdOn(turn.Channel, owner) is { Length: > 0 } ownerId) return ownerId;
        return users.All.Where(u => u is { Active: true, OnDuty: true }).Select(u => IdOn(turn.Channel, u)).FirstOrDefault(i => i is { Length: > 0 });
    }

    /// <summary>The user as the channel knows them.</summary>
    private static string? IdOn(string channel, User u) => channel switch
    {
        Channels.WeCom or Channels.WeComKf => u.WeComUserId,
        Channels.Teams => u.TeamsAadObjectId,
        _ => u.LocalName,
    };
}


namespace Zhonghan.Core.Customers;

/// <summary>An outside person on a channel (WeChat customer-service external_userid …), linked to a customer record.</summary>
public sealed class ExternalContact
{
    /// <summary>"{channel}:{externalId}".</summary>
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public string? Name { get; set; }
    public int? CustomerId { get; set; }
    public DateTime FirstSeenAt { get; set; }
    public DateTime LastSeenAt { get; set; }
}

/// <summary>Who the outside people writing to the bot are, and which customer each belongs to.</summary>
public sealed class ExternalContacts(ICustomerStore store, TimeProvider clock)
{
    public ExternalContact? Get(string channel, string externalId) => store.External($"{channel}:{externalId}");

    /// <summary>Records that the person wrote now (creating the record on first contact).</summary>
    public ExternalContact Touch(string channel, string externalId, string? name = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var c = Get(channel, externalId) ?? new ExternalContact
        {
            Id = $"{channel}:{externalId}", Channel = channel, ExternalId = externalId, FirstSeenAt = now,
        };
        c.LastSeenAt = now;
        if (!string.IsNullOrWhiteSpace(name)) c.Name = name.Trim();
        store.SaveExternal(c);
        return c;
    }

    public void Link(string channel, string externalId, int customerId)
    {
        var c = Touch(channel, externalId);
        c.CustomerId = customerId;
        store.SaveExternal(c);
    }

    public IReadOnlyList<ExternalContact> OfCustomer(int customerId) => store.ExternalsOf(customerId);
}

using Zhonghan.Core.Storage;
using Zhonghan.Knowledge.AI;

namespace Zhonghan.Bot.Knowledge;

/// <summary>A customer's conversation with the service bot: short history, open candidate list, hand-over state.</summary>
public sealed class CustomerSession
{
    /// <summary>"{channel}:{external id}".</summary>
    public string Id { get; set; } = "";
    public List<SessionLine> Lines { get; set; } = new();
    /// <summary>Part numbers offered by the last "which one?" question (reply "2" picks the second).</summary>
    public List<string> Candidates { get; set; } = new();
    public int? HandedOverTo { get; set; }
    public DateTime? HandedOverAt { get; set; }
    public DateTime LastAt { get; set; }
}

public sealed class SessionLine
{
    public bool FromCustomer { get; set; }
    public string Text { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>Customer sessions in the CRM database (a restart between question and "2" loses nothing).</summary>
public sealed class CustomerSessions(IChannelState state, TimeProvider clock)
{
    public const int KeepLines = 12;
    /// <summary>After this long without a message the conversation starts afresh (no stale candidate list).</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromHours(2);

    private const string Bucket = "kb_sessions";

    public CustomerSession Load(string channel, string externalId)
    {
        var id = $"{channel}:{externalId}";
        var s = state.Get<CustomerSession>(Bucket, id);
        var now = clock.GetUtcNow().UtcDateTime;
        if (s is null || now - s.LastAt > Idle) return new CustomerSession { Id = id, LastAt = now };
        return s;
    }

    public void Add(CustomerSession s, bool fromCustomer, string text)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        s.Lines.Add(new SessionLine { FromCustomer = fromCustomer, Text = text.Length > 500 ? text[..500] + "…" : text, At = now });
        if (s.Lines.Count > KeepLines) s.Lines.RemoveRange(0, s.Lines.Count - KeepLines);
        s.LastAt = now;
    }

    public void Save(CustomerSession s) => state.Put(Bucket, s.Id, s, s.LastAt);

    /// <summary>Forgets conversations idle for longer than <paramref name="age"/>.</summary>
    public int Purge(TimeSpan age) => state.Purge(Bucket, clock.GetUtcNow().UtcDateTime - age);

    public static IReadOnlyList<ChatLine> History(CustomerSession s) => s.Lines.Select(l => new ChatLine(l.FromCustomer, l.Text)).ToList();
}

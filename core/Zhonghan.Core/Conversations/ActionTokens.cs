using System.Collections.Concurrent;
using System.Security.Cryptography;
using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Conversations;

/// <summary>
/// A one-shot decision behind a card button (同意 / 驳回, 完成 / 推迟 …). Buttons of one card share a
/// <see cref="Group"/>: pressing one uses them all, so a second press, or the other button, does nothing harmful.
/// </summary>
public sealed class ActionToken
{
    public string Id { get; set; } = "";
    public string Group { get; set; } = "";
    /// <summary>Which handler redeems it (see <see cref="IActionHandler.Kind"/>).</summary>
    public string Kind { get; set; } = "";
    public Dictionary<string, string> Data { get; set; } = new();
    /// <summary>Who may press it; empty = anyone who sees the card.</summary>
    public List<int> AllowedUserIds { get; set; } = new();
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public int? UsedBy { get; set; }
    public string? Outcome { get; set; }
}

/// <summary>
/// Issues and redeems action tokens. Redemption of one group is serialized in this process until the pressing turn
/// is over (committed or not), so a second press sees the first one's outcome; across processes the tokens'
/// versions guard it (the second unit to commit conflicts and is run again, finding the group used).
/// </summary>
public sealed class ActionTokens(IConversationStore store, IUnitOfWorkFactory units, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new();

    /// <summary>Creates the tokens of one card: one per (kind, data) button, all in a new group.</summary>
    public IReadOnlyList<ActionToken> Issue(IEnumerable<(string Kind, Dictionary<string, string> Data)> buttons,
        IEnumerable<int> allowedUserIds, TimeSpan? lifetime = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var group = NewId();
        var allowed = allowedUserIds.ToList();
        var issued = buttons.Select(b => new ActionToken
        {
            Id = NewId(), Group = group, Kind = b.Kind, Data = b.Data, AllowedUserIds = allowed, CreatedAt = now,
            ExpiresAt = lifetime is TimeSpan l ? now + l : null,
        }).ToList();
        foreach (var t in issued) store.AddToken(t);
        return issued;
    }

    public ActionToken? Get(string id) => store.Token(id);

    /// <summary>The token as committed now, for a press that waited for the card's lock.</summary>
    public ActionToken? Latest(string id) => store.TokenAsCommitted(id);

    public async Task<T> WithGroupLockAsync<T>(string group, Func<Task<T>> work, CancellationToken ct)
    {
        var gate = locks.GetOrAdd(group, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var result = await work();
            units.WhenDone(() => gate.Release());
            return result;
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>Marks every token of the group used, with the outcome shown on later presses.</summary>
    public void Use(ActionToken token, int userId, string outcome) => UseGroup(token.Group, userId, outcome);

    /// <summary>Marks a card's buttons used when its decision was taken another way (e.g. a typed 同意 Q12).</summary>
    public void UseGroup(string group, int userId, string outcome)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var t in store.TokensOfGroup(group).Where(t => t.UsedAt is null))
        {
            t.UsedAt = now;
            t.UsedBy = userId;
            t.Outcome = outcome;
            store.SaveToken(t);
        }
    }

    private static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
}

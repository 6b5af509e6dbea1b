using LiteDB;
using Zhonghan.Core.Storage;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// A command waiting for the user: which command, what is filled in so far, which value it asked for, and
/// (for an ambiguous name) the numbered choices.
/// </summary>
public sealed class DialogState
{
    /// <summary>"{userId}" — one dialog per user.</summary>
    public string Id { get; set; } = "";
    public string Command { get; set; } = "";
    public Dictionary<string, string> Values { get; set; } = new();
    public string Pending { get; set; } = "";
    public List<int> Options { get; set; } = new();
    /// <summary>A value offered for confirmation (a plan date that just passed, as "2027-12-07"): 是 takes it.</summary>
    public string? Proposed { get; set; }
    public bool English { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// <summary>Dialog state per user, persisted so a restart between question and answer loses nothing.</summary>
public sealed class DialogStore(CrmDb db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private readonly ILiteCollection<DialogState> dialogs = db.Collection<DialogState>("dialogs");

    public DialogState? Load(int userId)
    {
        var d = dialogs.FindById(userId.ToString());
        if (d is null) return null;
        if (d.ExpiresAt < clock.GetUtcNow().UtcDateTime) { dialogs.Delete(d.Id); return null; }
        return d;
    }

    public void Save(int userId, DialogState state)
    {
        state.Id = userId.ToString();
        state.ExpiresAt = clock.GetUtcNow().UtcDateTime + Lifetime;
        dialogs.Upsert(state);
    }

    public void Clear(int userId) => dialogs.Delete(userId.ToString());
}

using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Pipeline;

/// <summary>Dialog state per user, in the turn's unit of work, so a restart between question and answer loses nothing.</summary>
public sealed class DialogStore(IConversationStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public DialogState? Load(int userId)
    {
        var d = store.Dialog(userId);
        if (d is null) return null;
        if (d.ExpiresAt >= clock.GetUtcNow().UtcDateTime) return d;
        store.DeleteDialog(userId);
        return null;
    }

    public void Save(int userId, DialogState state)
    {
        state.Id = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        state.ExpiresAt = clock.GetUtcNow().UtcDateTime + Lifetime;
        store.SaveDialog(state);
    }

    public void Clear(int userId) => store.DeleteDialog(userId);
}

using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Conversations;

/// <summary>
/// Turns a channel acknowledged before they committed (WeCom's callback cannot wait for a slow turn): kept durably
/// until the turn's own commit removes them, so a crash in between loses nothing — the bot runs them at its next start.
/// </summary>
public sealed class TurnInbox(IChannelState state, TimeProvider clock)
{
    private const string Bucket = "inbox";

    public static string KeyOf(Turn turn) => MessageIds.Key(turn.Channel, BoundedId.Of(turn.MessageId));

    /// <summary>Keeps the turn (committed at once) before the channel is told it was received.</summary>
    public void Keep(Turn turn) => state.Put(Bucket, KeyOf(turn), turn, clock.GetUtcNow().UtcDateTime);

    /// <summary>In the turn's unit of work: the turn is done, it no longer waits here.</summary>
    public void Done(string key) => state.Remove(Bucket, key);

    public IReadOnlyList<(string Key, Turn Turn)> Waiting() => state.WithPrefix<Turn>(Bucket, "");
}

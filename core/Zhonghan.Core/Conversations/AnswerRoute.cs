namespace Zhonghan.Core.Conversations;

/// <summary>
/// Who carries a turn's answer, decided once between the channel and the pipeline: the channel's own response (the
/// pipeline commits in time), or — when the channel stopped waiting and acknowledged first — the durable delivery
/// queue, in the same commit as the turn. So an acknowledged message is never left without its answer by a crash.
/// </summary>
/// <param name="carries">Whether the channel's response can carry these replies (WeCom's passive reply takes plain text
/// only); replies it cannot carry are queued too. Null = it carries anything.</param>
public sealed class AnswerRoute(Func<IReadOnlyList<Reply>, bool>? carries = null)
{
    private const int Open = 0, Inline = 1, Later = 2;
    private int state;

    /// <summary>The pipeline is about to commit: true when the channel still waits and its response can carry the
    /// replies (answer inline), false when it already acknowledged or cannot carry them (queue them in this commit).</summary>
    public bool TryAnswerInline(IReadOnlyList<Reply> replies)
    {
        if (carries is not null && !carries(replies))
        {
            Interlocked.CompareExchange(ref state, Later, Open);
            return false;
        }
        return Interlocked.CompareExchange(ref state, Inline, Open) is Open or Inline;
    }

    /// <summary>The commit did not land (a conflict): the decision is open again for the next attempt.</summary>
    public void Reopen() => Interlocked.CompareExchange(ref state, Open, Inline);

    /// <summary>The channel stops waiting: true when the answer will now be queued with the commit; false when the
    /// pipeline is committing and the channel should wait a moment for its answer.</summary>
    public bool TryAnswerLater() => Interlocked.CompareExchange(ref state, Later, Open) is Open or Later;

    public bool AnsweredLater => Volatile.Read(ref state) == Later;
}

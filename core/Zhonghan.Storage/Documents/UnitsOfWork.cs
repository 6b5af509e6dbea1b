using Zhonghan.Core.Storage;

namespace Zhonghan.Storage.Documents;

/// <summary>
/// Opens units of work over the document store. The open unit is carried by the async flow (like
/// <c>IHttpContextAccessor</c>): stores called during a turn write into the turn's unit without passing it around.
/// Background work started inside a turn must not inherit it: start it with <see cref="Detached"/>.
/// </summary>
public sealed class UnitsOfWork(IDocumentEngine engine, GroupCommitter committer) : IUnitOfWorkFactory
{
    private ICommitHook[] hooks = [];
    private readonly AsyncLocal<Session?> current = new();
    private readonly GroupCommitter committer = committer;

    /// <summary>Derived records kept in step at every commit (set once, when the store is built).</summary>
    internal void SetHooks(IEnumerable<ICommitHook> commitHooks) => hooks = commitHooks.ToArray();

    /// <summary>The open session of this flow, if any (a completed one no longer counts).</summary>
    internal Session? Current => current.Value is { Completed: false } s ? s : null;

    public IUnitOfWork Begin() => Begin("unit");

    public IUnitOfWork Begin(string label)
    {
        if (Current is { } outer) return new Unit(this, outer, nested: true);
        var session = new Session(engine, label);
        current.Value = session;
        return new Unit(this, session, nested: false);
    }

    public void OnCommitted(Action action)
    {
        if (Current is { } s) s.AfterCommit(action);
        else action();
    }

    public void WhenDone(Action action)
    {
        if (Current is { } s) s.WhenDone(action);
        else action();
    }

    /// <summary>Runs <paramref name="work"/> outside the current unit (fire-and-forget work begun by a turn).</summary>
    public static Task Detached(Func<Task> work)
    {
        using (ExecutionContext.SuppressFlow()) return Task.Run(work);
    }

    private sealed class Unit(UnitsOfWork owner, Session session, bool nested) : IUnitOfWork
    {
        private bool done;

        public bool IsNested => nested;

        public async Task CommitAsync(CancellationToken ct)
        {
            if (nested) return;
            if (done) throw new InvalidOperationException("This unit of work is already finished.");
            ct.ThrowIfCancellationRequested();
            foreach (var hook in owner.hooks) hook.BeforeCommit(session);
            var set = session.ToWriteSet();
            var outcome = await owner.committer.CommitAsync(set);
            done = true;
            session.Complete(outcome.Status == WriteStatus.Committed);
            switch (outcome.Status)
            {
                case WriteStatus.Conflict: throw new ConcurrencyConflictException($"{session.Label}: {outcome.Reason}");
                case WriteStatus.Failed: throw new StorageException($"{session.Label}: the commit failed: {outcome.Reason}", outcome.Error);
            }
        }

        public void DiscardChanges() => session.Discard();

        public void AfterCommit(Action action) => session.AfterCommit(action);

        public void Dispose()
        {
            if (nested) return;
            if (!done) session.Complete(committed: false);
            done = true;
            if (ReferenceEquals(owner.current.Value, session)) owner.current.Value = null;
        }
    }
}

/// <summary>
/// Runs in a unit just before it commits, with the unit still open: derived records (the funnel counts) are kept in
/// step with the documents they come from, in the same commit.
/// </summary>
public interface ICommitHook
{
    void BeforeCommit(Session unit);
}

/// <summary>The store could not do what was asked (a failed commit, a damaged file): not the user's fault.</summary>
public sealed class StorageException(string message, Exception? inner = null) : Exception(message, inner);

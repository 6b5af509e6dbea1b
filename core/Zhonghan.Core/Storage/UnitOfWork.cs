namespace Zhonghan.Core.Storage;

/// <summary>
/// The changes of one turn or one job. Reads see what the unit itself changed; every write (documents, audit lines,
/// queued messages, dialog state, the de-dup record) lands in one commit, or none does. Begun by the turn pipeline,
/// a job or a CLI verb; services only read and write, they never commit.
/// </summary>
public interface IUnitOfWork : IDisposable
{
    /// <summary>
    /// Makes the unit's changes durable (together with other units that commit at the same moment). A nested unit
    /// commits with its outer one. Throws <see cref="ConcurrencyConflictException"/> when something it read was
    /// changed by another unit meanwhile: nothing was written and the work may run again.
    /// </summary>
    Task CommitAsync(CancellationToken ct);

    /// <summary>Forgets the changes made so far; the unit stays open for new ones.</summary>
    void DiscardChanges();

    /// <summary>Runs <paramref name="action"/> once the commit is durable (refresh a cache, wake a sender).</summary>
    void AfterCommit(Action action);

    /// <summary>True when this unit joined an outer one (its commit is the outer's).</summary>
    bool IsNested { get; }
}

/// <summary>Opens units of work. A unit begun while another is open on the same flow joins it.</summary>
public interface IUnitOfWorkFactory
{
    IUnitOfWork Begin();

    /// <summary>Runs <paramref name="action"/> after the open unit commits (at once when no unit is open: writes then commit as they are made).</summary>
    void OnCommitted(Action action);

    /// <summary>Runs <paramref name="action"/> when the open unit is over, committed or not (at once when no unit is open).</summary>
    void WhenDone(Action action);
}

/// <summary>
/// A unit read something that another unit changed before it committed (or inserted a key that now exists): none
/// of its writes landed. Running the work again on fresh data is safe.
/// </summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

public static class UnitOfWorkExtensions
{
    /// <summary>Runs <paramref name="work"/> in its own unit and commits it, again on a conflict (up to three times).</summary>
    public static async Task<T> RunAsync<T>(this IUnitOfWorkFactory units, Func<T> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var unit = units.Begin();
            var result = work();
            try
            {
                await unit.CommitAsync(ct);
                return result;
            }
            catch (ConcurrencyConflictException) when (attempt < 3 && !unit.IsNested)
            {
            }
        }
    }

    public static Task RunAsync(this IUnitOfWorkFactory units, Action work, CancellationToken ct) =>
        units.RunAsync(() => { work(); return 0; }, ct);
}

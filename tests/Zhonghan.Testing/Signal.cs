namespace Zhonghan.Testing;

/// <summary>
/// Something that happens on other threads (a fake server got a request, a timer was created) and that a test waits
/// for without sleeping: every <see cref="Raise"/> wakes the waiters, who check their condition again. The wait is
/// bounded, so an arrival that never comes fails the test instead of hanging it.
/// </summary>
public sealed class Signal
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private TaskCompletionSource next = New();

    public void Raise() => Interlocked.Exchange(ref next, New()).TrySetResult();

    /// <summary>Completes once <paramref name="condition"/> holds (checked now and after every raise).</summary>
    public async Task UntilAsync(Func<bool> condition, Func<string> failure, TimeSpan? timeout = null)
    {
        using var bound = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var raised = Volatile.Read(ref next).Task;
            if (condition()) return;
            try { await raised.WaitAsync(bound.Token); }
            catch (OperationCanceledException) { throw new TimeoutException(failure()); }
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

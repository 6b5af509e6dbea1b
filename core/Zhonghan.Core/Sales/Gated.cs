namespace Zhonghan.Core.Sales;

/// <summary>
/// A change that happened, or that waits at a closed stage gate (<see cref="Closed"/> says what is missing in words
/// the rep can act on). An expected outcome, so it is returned, not thrown; <see cref="OrThrow"/> is for callers that
/// treat a closed gate as a refusal.
/// </summary>
public sealed class Gated<T>
{
    private readonly T? value;

    private Gated(T? value, GateResult? closed)
    {
        this.value = value;
        Closed = closed;
    }

    public GateResult? Closed { get; }

    public T Value => Closed is null ? value! : throw new InvalidOperationException($"The gate to {Closed.Stage} is closed.");

    public static Gated<T> Done(T value) => new(value, null);

    public static Gated<T> Waits(GateResult gate) => new(default, gate);

    public T OrThrow() => Closed is { } gate ? throw new GateClosedException(gate) : value!;
}

using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Zhonghan.Benchmarks;

/// <summary>Latency samples in milliseconds with percentiles.</summary>
public sealed class Stats(string name)
{
    private readonly List<double> samples = new();

    public string Name { get; } = name;
    public int Count => samples.Count;

    public void Add(double ms) => samples.Add(ms);

    /// <summary>Times one call of <paramref name="work"/> and records it.</summary>
    public T Measure<T>(Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        var result = work();
        samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    public async Task<T> MeasureAsync<T>(Func<Task<T>> work)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await work();
        samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    public double Percentile(double p)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public double Mean => samples.Count == 0 ? double.NaN : samples.Average();
    public double Max => samples.Count == 0 ? double.NaN : samples.Max();

    public override string ToString() =>
        $"{Name}: n={Count} p50={Percentile(50):F3} ms p95={Percentile(95):F3} ms p99={Percentile(99):F3} ms max={Max:F3} ms";

    /// <summary>A markdown table row: | name | n | p50 | p95 | p99 | max | target |.</summary>
    public string Row(string target) =>
        $"| {Name} | {Count} | {Percentile(50):F3} | {Percentile(95):F3} | {Percentile(99):F3} | {Max:F3} | {target} |";

    public const string Header = "| operation | n | p50 ms | p95 ms | p99 ms | max ms | target |\n|---|---:|---:|---:|---:|---:|---|";
}

public static class Machine
{
    public static string Describe() =>
        $"# {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {RuntimeInformation.OSDescription} · {RuntimeInformation.ProcessArchitecture} · " +
        $"{Environment.ProcessorCount} cores · .NET {Environment.Version} · {(Debugger.IsAttached ? "debugger" : "no debugger")} · " +
#if DEBUG
        "Debug build (use -c Release)";
#else
        "Release build";
#endif
}

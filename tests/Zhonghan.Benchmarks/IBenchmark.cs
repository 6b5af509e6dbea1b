namespace Zhonghan.Benchmarks;

/// <summary>One benchmark, run by name from the command line. Each room adds its own class; Program finds them.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task<int> RunAsync(string[] args);
}

using System.Reflection;
using Zhonghan.Benchmarks;

// dotnet run -c Release --project tests/Zhonghan.Benchmarks -- <benchmark> [options]
Console.OutputEncoding = System.Text.Encoding.UTF8;
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name)
    .ToList();
if (args.Length == 0 || benchmarks.All(b => b.Name != args[0]))
{
    Console.WriteLine("Usage: dotnet run -c Release --project tests/Zhonghan.Benchmarks -- <benchmark> [options]");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-12} {b.Description}");
    return args.Length == 0 ? 0 : 2;
}
Console.WriteLine(Machine.Describe());
return await benchmarks.First(b => b.Name == args[0]).RunAsync(args[1..]);

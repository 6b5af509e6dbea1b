using System.Text.RegularExpressions;

namespace Zhonghan.Core.Tests;

/// <summary>Rules the whole code base keeps, checked over the source files.</summary>
public partial class StandingChecksTests
{
    [Fact]
    public void NoQueryUsesLiteDbsLiteralValueHelpers()
    {
        // Query.EQ("F", v) compiles a new delegate per distinct value into a cache that never empties: slow and a leak.
        var offenders = SourceFiles().Where(f => LiteralQuery().IsMatch(File.ReadAllText(f))).ToList();
        Assert.True(offenders.Count == 0, "Use Zhonghan.Core.Storage.Q (parameterized) instead of Query.EQ/Between/…: " + string.Join(", ", offenders));
    }

    [Fact]
    public void ProductCodeTakesTimeFromTimeProvider()
    {
        var offenders = SourceFiles().Where(f => WallClock().IsMatch(File.ReadAllText(f))).ToList();
        Assert.True(offenders.Count == 0, "Use TimeProvider instead of DateTime.Now/UtcNow: " + string.Join(", ", offenders));
    }

    private static IEnumerable<string> SourceFiles()
    {
        var root = RepoRoot();
        return new[] { "core", "bot", "adapters", "knowledge" }
            .Select(d => Path.Combine(root, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Zhonghan.Bot.sln"))) return dir.FullName;
        throw new InvalidOperationException("Zhonghan.Bot.sln not found above the test folder.");
    }

    [GeneratedRegex(@"\bQuery\.(EQ|LT|LTE|GT|GTE|Between|StartsWith|Contains|In|Not|Where)\(")]
    private static partial Regex LiteralQuery();

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow)\b")]
    private static partial Regex WallClock();
}

using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>The house's size and test rules, measured on the repository itself.</summary>
public class HouseRulesTests
{
    [Fact]
    public void ProductFilesStaySmall()
    {
        var sizes = new[] { "core", "adapters", "knowledge", "bot" }.SelectMany(RepoFiles.Sources)
            .Select(f => (File: Path.GetRelativePath(RepoFiles.Root, f), Lines: File.ReadLines(f).Count())).OrderBy(x => x.Lines).ToList();
        var median = sizes.Count % 2 == 1 ? sizes[sizes.Count / 2].Lines : (sizes[sizes.Count / 2 - 1].Lines + sizes[sizes.Count / 2].Lines) / 2.0;
        Assert.True(median < 80, $"the median product file has {median} lines (under 80 wanted)");
        Assert.All(sizes, s => Assert.True(s.Lines <= 300, $"{s.File} has {s.Lines} lines (none over 300)"));
    }

    [Fact]
    public void NoTestWaitsOnTheWallClock()
    {
        // Spelled in two parts, so this file is not one of the ones it looks for.
        string[] waits = ["Task." + "Delay(", "Thread." + "Sleep("];
        var offenders = RepoFiles.Sources("tests")
            .Where(f => !f.Contains("Zhonghan.Benchmarks", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var s && waits.Any(w => s.Contains(w, StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(RepoFiles.Root, f)).ToList();
        Assert.True(offenders.Count == 0, "Drive the bot to idle (bot.IdleAsync) or move the TestClock instead of sleeping:\n" + string.Join("\n", offenders));
    }
}

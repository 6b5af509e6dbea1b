namespace Zhonghan.Testing;

/// <summary>The repository's own files, for tests that check the code and the docs against each other.</summary>
public static class RepoFiles
{
    /// <summary>The folder holding Zhonghan.Bot.sln, found upward from the test's output folder.</summary>
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(Path(folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}")
                        && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Zhonghan.Bot.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Zhonghan.Bot.sln) is not above " + AppContext.BaseDirectory);
    }
}

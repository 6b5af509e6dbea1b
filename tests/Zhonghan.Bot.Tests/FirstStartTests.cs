using Zhonghan.Storage.LiteDb;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Zhonghan.Bot.Hosting;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>
/// The first `dotnet run`: the notice before the build, and where the data folder is. These ask MSBuild itself (a
/// child `dotnet msbuild` on the bot's project), since that is what `dotnet run` evaluates.
/// </summary>
public class FirstStartTests
{
    private static readonly string Root = RepoRoot();
    private static readonly string Project = Path.Combine(Root, "bot", "Zhonghan.Bot", "Zhonghan.Bot.csproj");

    [Fact]
    public async Task DotnetRunStartsTheBotInTheFolderItWasTypedInSoTheDataFolderIsThereDotData()
    {
        using var folder = new TempDir();
        var (code, output) = await MsBuildAsync(folder.Path, "-getProperty:RunWorkingDirectory");
        Assert.Equal(0, code);
        Assert.Equal(Path.TrimEndingDirectorySeparator(folder.Path), Path.TrimEndingDirectorySeparator(output.Trim()));

        // …and the default data folder is ./data under the working directory, as the README's settings table says.
        Assert.Equal(Path.GetFullPath("data"), BotConfiguration.DataDir(new ConfigurationBuilder().Build()));
        Assert.Contains("| `Zhonghan:DataDir` (`--data DIR`, env `Zhonghan__DataDir`) | `./data`", File.ReadAllText(Path.Combine(Root, "README.md")));
    }

    [Fact]
    public async Task TheFirstBuildSaysItWillTakeAMinuteAndLaterBuildsSayNothing()
    {
        using var empty = new TempDir();
        var (code, output) = await MsBuildAsync(Root, "-t:FirstStartNotice", $"-p:OutDir={empty.Path}{Path.DirectorySeparatorChar}");
        Assert.Equal(0, code);
        Assert.Contains("首次启动需要编译，约 1–2 分钟…", output);

        // This test runs on a built bot: its output exists, so no notice.
        (code, output) = await MsBuildAsync(Root, "-t:FirstStartNotice", "-p:Configuration=" + BuiltConfiguration());
        Assert.Equal(0, code);
        Assert.DoesNotContain("首次启动", output);
    }

    private static string BuiltConfiguration() =>
        Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory))!); // bin/<Configuration>/net10.0

    private static async Task<(int Code, string Output)> MsBuildAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "msbuild", Project, "-nologo", "-nodeReuse:false", "-v:minimal" }.Concat(args)) start.ArgumentList.Add(a);
        // The test host's MSBuild variables would point the child at the wrong MSBuild.
        foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Zhonghan.Bot.sln"))) return dir.FullName;
        throw new InvalidOperationException("Zhonghan.Bot.sln not found above the test folder.");
    }
}

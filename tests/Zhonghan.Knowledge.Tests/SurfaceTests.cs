using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Zhonghan.Testing;

namespace Zhonghan.Knowledge.Tests;

/// <summary>GET /api/kb/search on the whole bot (real Kestrel on 127.0.0.1).</summary>
public sealed class SearchEndpointTests : IAsyncLifetime
{
    private TestBot bot = null!;

    public async Task InitializeAsync() => bot = await TestBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task SearchReturnsHitsWithTheContractFields()
    {
        var json = await bot.Http.GetStringAsync("/api/kb/search?q=stm32f103c8t6&top=3");
        var hits = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.InRange(hits.Count, 1, 3);
        var first = hits[0];
        Assert.Equal("STM32F103C8T6", first.GetProperty("mpn").GetString());
        Assert.Equal("STM32F103C8T6 STMicroelectronics", first.GetProperty("title").GetString());
        Assert.Equal("演示目录.csv 第2行", first.GetProperty("source").GetString());
        Assert.Equal(1.0, first.GetProperty("score").GetDouble());
        Assert.Contains("LQFP-48", first.GetProperty("snippet").GetString());
        Assert.Equal("exact", first.GetProperty("match").GetString());
    }

    [Fact]
    public async Task AMissingQueryIsABadRequest() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await bot.Http.GetAsync("/api/kb/search?top=3")).StatusCode);
}

/// <summary>The kb CLI verb, run as its own process like an admin would.</summary>
public sealed class KbCliTests : IDisposable
{
    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    private async Task<(int Code, string Out, string Err)> RunAsync(string stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8, WorkingDirectory = dir.Path,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Zhonghan.Bot.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("--data");
        psi.ArgumentList.Add(dir.File("data"));
        psi.ArgumentList.Add("--Knowledge:ImportDemoContent=false");
        using var p = Process.Start(psi)!;
        await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await output, await error);
    }

    [Fact]
    public async Task ImportThenSearchOneQueryAndABatchFromStdin()
    {
        Directory.CreateDirectory(dir.File("docs"));
        File.WriteAllText(dir.File("docs/parts.csv"), "MPN,Manufacturer,Stock\nTPS54331DR,TI,6000\nTPS563201DDCR,TI,15000\n");
        File.WriteAllText(dir.File("docs/faq.md"), "# 交期说明\n## 现货\n现货一般 1 到 3 个工作日发货。\n");

        var import = await RunAsync("", "kb", "import", dir.File("docs"));
        Assert.True(import.Code == 0, import.Err + import.Out);
        Assert.Contains("新增 2", import.Out);
        Assert.Contains("写入 3 条", import.Out);

        var one = await RunAsync("", "kb", "search", "tps54331dr", "--json", "--top", "1");
        var hit = JsonDocument.Parse(one.Out.Trim()).RootElement.EnumerateArray().Single();
        Assert.Equal("TPS54331DR", hit.GetProperty("mpn").GetString());

        var batch = await RunAsync("TPS563201DDCR\n现货多久发货\nNOPE12345\n", "kb", "search", "--top", "2");
        var lines = batch.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("TPS563201DDCR", JsonDocument.Parse(lines[0]).RootElement[0].GetProperty("mpn").GetString());
        Assert.Equal("faq.md › 现货", JsonDocument.Parse(lines[1]).RootElement[0].GetProperty("source").GetString());
        Assert.Equal(0, JsonDocument.Parse(lines[2]).RootElement.GetArrayLength());

        File.Delete(dir.File("docs/faq.md"));
        var again = await RunAsync("", "kb", "import", dir.File("docs"));
        Assert.Contains("删除 1", again.Out);
    }
}

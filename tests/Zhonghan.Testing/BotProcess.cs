using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Zhonghan.Testing;

/// <summary>The bot as its own process (the built Zhonghan.Bot.dll), as an operator runs it: CLI verbs or the server.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Task<string> output;
    private readonly Task<string> error;
    private readonly System.Text.StringBuilder outputSoFar = new();
    private readonly Signal lines = new();

    private BotProcess(Process process)
    {
        this.process = process;
        output = ReadLinesAsync(process.StandardOutput);
        error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Standard output as it comes, line by line, so a test can wait for a line instead of polling.</summary>
    private async Task<string> ReadLinesAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (outputSoFar) outputSoFar.AppendLine(line);
            lines.Raise();
        }
        lines.Raise(); // the process closed its output: it has ended
        lock (outputSoFar) return outputSoFar.ToString();
    }

    public static BotProcess Start(IEnumerable<string> args, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8, StandardErrorEncoding = System.Text.Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? System.IO.Path.GetTempPath(),
        };
        psi.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "Zhonghan.Bot.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        // No inherited test settings; no demo knowledge import (slow, and not what these runs are about).
        psi.Environment.Remove("ASPNETCORE_URLS");
        psi.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        psi.Environment["Knowledge__ImportDemoContent"] = "false";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        var p = Process.Start(psi)!;
        p.StandardInput.Close();
        return new BotProcess(p);
    }

    /// <summary>Runs to the end (a CLI verb, or a start that is refused): exit code, stdout, stderr.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        await using var p = Start(args, environment);
        return await p.WaitForExitAsync(TimeSpan.FromSeconds(90));
    }

    public async Task<(int Code, string Out, string Err)> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Waits until the host says it listens ("Now listening on", logged once Kestrel has bound) and GET /healthz
    /// answers on <paramref name="baseAddress"/>; false if the process ended first or said nothing in time.
    /// </summary>
    public async Task<bool> WaitUntilServingAsync(Uri baseAddress, TimeSpan timeout)
    {
        try
        {
            await lines.UntilAsync(() => output.IsCompleted || StandardOutputSoFar.Contains("Now listening on", StringComparison.Ordinal),
                () => "the bot did not say it listens", timeout);
        }
        catch (TimeoutException) { return false; }
        if (output.IsCompleted) return false;
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        return (await http.GetAsync("/healthz")).IsSuccessStatusCode;
    }

    /// <summary>Asks the process to stop (SIGTERM: the host's graceful shutdown) and waits for it to end, else kills it.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { await KillAsync(); }
    }

    /// <summary>Kills the process at once (SIGKILL on Linux: no shutdown, nothing flushed by us) and waits for it to end.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public string StandardOutputSoFar
    {
        get { lock (outputSoFar) return outputSoFar.ToString(); }
    }

    /// <summary>A port free on all interfaces right now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}

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

    private BotProcess(Process process)
    {
        this.process = process;
        output = process.StandardOutput.ReadToEndAsync();
        error = process.StandardError.ReadToEndAsync();
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

    /// <summary>Waits until GET /healthz answers on <paramref name="baseAddress"/>; false if the process ended first.</summary>
    public async Task<bool> WaitUntilServingAsync(Uri baseAddress, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException) { }
            // Polling a process that is starting: there is no event to wait on across processes.
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>Ends the process at once, as <c>kill -9</c> does (SIGKILL on Linux): no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public string StandardOutputSoFar => output.IsCompleted ? output.Result : "";

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

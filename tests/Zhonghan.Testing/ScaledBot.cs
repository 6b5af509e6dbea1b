using System.Net.Http.Json;
using System.Text.Json;

namespace Zhonghan.Testing;

/// <summary>
/// One bot instance as its own process on a shared PostgreSQL database (Zhonghan:Store=PostgreSql), with its own
/// data folder and port, as an operator runs several behind a reverse proxy. Dispose kills it and removes the folder.
/// </summary>
public sealed class ScaledBot : IAsyncDisposable
{
    private readonly TempDir dir;

    private ScaledBot(BotProcess process, TempDir dir, Uri baseAddress)
    {
        (Process, this.dir, BaseAddress) = (process, dir, baseAddress);
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public BotProcess Process { get; }
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }

    /// <summary>Settings every instance gets: the store, no quiet hours (tests run at any hour), no demo knowledge.</summary>
    public static List<string> Settings(string connectionString) =>
    [
        "--Zhonghan:Store=PostgreSql", $"--ConnectionStrings:Zhonghan={connectionString}",
        "--Reminders:QuietStart=00:00", "--Reminders:QuietEnd=00:00",
    ];

    public static async Task<ScaledBot> StartAsync(string connectionString, IEnumerable<string>? settings = null)
    {
        var dir = new TempDir();
        var port = BotProcess.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var args = new List<string> { "--data", dir.Path, "--urls", address.ToString().TrimEnd('/') };
        args.AddRange(Settings(connectionString));
        args.AddRange(settings ?? []);
        var process = BotProcess.Start(args);
        if (!await process.WaitUntilServingAsync(address, TimeSpan.FromSeconds(90)))
        {
            var (code, output, error) = await process.WaitForExitAsync(TimeSpan.FromSeconds(10));
            dir.Dispose();
            throw new InvalidOperationException($"The instance did not start (exit {code}): {error} {output}");
        }
        return new ScaledBot(process, dir, address);
    }

    /// <summary>Sends a local-chat message and returns the reply texts.</summary>
    public async Task<IReadOnlyList<string>> ChatAsync(string user, string text)
    {
        var response = await Http.PostAsJsonAsync("/api/chat", new { user, text });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString() ?? "").ToList();
    }

    public Task KillAsync() => Process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
        dir.Dispose();
    }
}

using Zhonghan.Bot.LocalChat;
using Zhonghan.Storage.LiteDb;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Zhonghan.Core.Storage;

namespace Zhonghan.Bot.Hosting;

/// <summary>Where the running bot's admin endpoint is, for the CLI on the same machine (DATA/bot-admin.json).</summary>
public sealed record AdminAddress(string Url, string Token);

/// <summary>
/// The running bot's admin endpoint, <c>POST /api/admin/db/backup {"dir"}</c>: the CLI's <c>db backup DIR</c> goes
/// through it while the bot holds the data folder. Only loopback connections carrying the token from
/// DATA/bot-admin.json (written at start, readable by the bot's own OS user only, deleted at stop) get an answer;
/// anything else gets a 404.
/// </summary>
public sealed class AdminAccess(IServer server, IHostApplicationLifetime lifetime, DataFolder folder, ILogger<AdminAccess> log) : IHostedService
{
    public const string FileName = "bot-admin.json";
    public const string TokenHeader = "X-Admin-Token";
    public const string BackupPath = "/api/admin/db/backup";
    private readonly string token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public string FilePath => Path.Combine(folder.Path, FileName);

    public bool Accepts(HttpContext http) =>
        LocalChatRule.IsLoopback(http.Connection.RemoteIpAddress)
        && http.Request.Headers[TokenHeader].FirstOrDefault() is { } given
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));

    public Task StartAsync(CancellationToken ct)
    {
        lifetime.ApplicationStarted.Register(WriteFile);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct)
    {
        File.Delete(FilePath);
        return Task.CompletedTask;
    }

    private void WriteFile()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.Select(LoopbackUrl).FirstOrDefault(u => u is not null);
        if (url is null)
        {
            log.LogWarning("没有本机可达的监听地址：命令行的 db backup 只能在机器人停止时运行 / no loopback address: `db backup` needs the bot stopped");
            return;
        }
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(FilePath, options);
        JsonSerializer.Serialize(stream, new AdminAddress(url, token), JsonSerializerOptions.Web);
    }

    /// <summary>The address the CLI can reach on this machine: a loopback one as it is, a wildcard one as 127.0.0.1.</summary>
    private static string? LoopbackUrl(string address)
    {
        var a = Microsoft.AspNetCore.Http.BindingAddress.Parse(address);
        if (a.IsUnixPipe) return null;
        if (LocalChatRule.IsLoopback(address)) return $"{a.Scheme}://{a.Host}:{a.Port}";
        return a.Host is "0.0.0.0" or "[::]" or "*" or "+" ? $"{a.Scheme}://127.0.0.1:{a.Port}" : null;
    }

    public static void MapAdmin(WebApplication app) =>
        app.MapPost(BackupPath, async (HttpContext http, AdminAccess admin, DbBackups backups, ILogger<AdminAccess> log, BackupRequest? request) =>
        {
            if (!admin.Accepts(http)) return Results.NotFound();
            if (string.IsNullOrWhiteSpace(request?.Dir)) return Results.BadRequest(new { error = "需要 dir 字段 / dir is required" });
            try
            {
                return Results.Ok(new { file = await backups.BackupToAsync(request.Dir, http.RequestAborted) });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteDB.LiteException or InvalidOperationException)
            {
                log.LogError(e, "Backup into {Dir} failed", request.Dir);
                return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status500InternalServerError);
            }
        });
}

public sealed record BackupRequest(string? Dir);

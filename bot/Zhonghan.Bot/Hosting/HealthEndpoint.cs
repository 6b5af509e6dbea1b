using Zhonghan.Storage;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Zhonghan.Bot.Hosting;

/// <summary>
/// <c>GET /healthz</c> on ASP.NET Core's health checks: "ok" (200) as before, or 503 when a check fails. With
/// <c>?details=true</c> or <c>Accept: application/json</c> the answer is JSON with each check and its figures.
/// </summary>
public static class HealthEndpoint
{
    public static IServiceCollection AddBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return services;
    }

    public static void MapBotHealth(this WebApplication app) =>
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var wantsJson = http.Request.Query["details"].FirstOrDefault() is "true" or "1"
                        || http.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        if (!wantsJson)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            return http.Response.WriteAsync(report.Status == HealthStatus.Unhealthy ? "unhealthy" : "ok");
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status == HealthStatus.Unhealthy ? "unhealthy" : "ok",
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description, data = e.Value.Data,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}

/// <summary>Reads the store: the first and last document of every collection. Any failure is a 503.</summary>
public sealed class StoreHealthCheck(DocumentStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var collections = store.Engine.Probe();
            return Task.FromResult(HealthCheckResult.Healthy($"{store.Engine.Name}: {collections} collections readable"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Reported, not swallowed: the health endpoint answers 503 with this, and the log has it.
            return Task.FromResult(HealthCheckResult.Unhealthy("数据库读不出来 / the database cannot be read: " + e.Message, e));
        }
    }
}

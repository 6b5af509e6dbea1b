using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Zhonghan.Adapters.WeCom.Messaging;

/// <summary>The WeCom outbox in /healthz?details=true: messages waiting, and backlog messages dropped since start.</summary>
public sealed class WeComOutboxHealth(WeComOutbox outbox) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(HealthCheckResult.Healthy("WeCom outbox", new Dictionary<string, object>
        {
            ["queued"] = outbox.Count,
            ["dropped"] = outbox.Dropped,
        }));
}

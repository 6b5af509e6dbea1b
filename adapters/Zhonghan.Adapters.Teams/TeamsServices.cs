using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Zhonghan.Adapters.Teams.Auth;
using Zhonghan.Adapters.Teams.Api;
using Zhonghan.Adapters.Teams.Messaging;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.Teams;

public static class TeamsServices
{
    /// <summary>Teams' options, bound from "Teams" and checked at start.</summary>
    public static IServiceCollection AddTeamsOptions(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        return services;
    }

    /// <summary>Everything of the Teams channel: the adapter, token validation, the Connector client, the proactive messenger.</summary>
    public static IServiceCollection AddTeamsAdapter(this IServiceCollection services)
    {
        services.AddTeamsOptions();
        services.AddSingleton<OpenIdKeyCache>();
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<BotTokenProvider>();
        services.AddSingleton<TeamsStore>();
        services.AddSingleton<ServiceUrlTrust>();
        services.AddSingleton<ConversationPacer>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<ConversationDirectory>();
        services.AddSingleton<TeamsReplier>();
        services.AddSingleton<TeamsAdapter>();
        services.AddSingleton<TeamsMessenger>();
        services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<TeamsMessenger>());
        services.AddTransient<ConnectorAuthHandler>();

        services.AddHttpClient(OpenIdKeyCache.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(BotTokenProvider.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        var connector = services.AddHttpClient(ConnectorClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60));
        // Outermost: retries; inside: the token per attempt (a refreshed token is used on a retry).
        connector.AddResilienceHandler("teams-connector", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    // Teams' rate-limit guide: back off with jitter on these, never on other 4xx (they will not heal).
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
                            or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout
                        || args.Outcome.Exception is HttpRequestException),
                    MaxRetryAttempts = Math.Max(1, o.MaxRetries),
                    Delay = o.RetryBaseDelay,
                    MaxDelay = TimeSpan.FromSeconds(20),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                });
            });
        connector.AddHttpMessageHandler<ConnectorAuthHandler>();
        return services;
    }
}

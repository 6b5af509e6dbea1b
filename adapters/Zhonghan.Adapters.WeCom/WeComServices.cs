using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Refit;
using Zhonghan.Adapters.WeCom.Api;
using Zhonghan.Adapters.WeCom.Crypto;
using Zhonghan.Adapters.WeCom.Kf;
using Zhonghan.Adapters.WeCom.Messaging;
using Zhonghan.Adapters.WeCom.Robot;
using Zhonghan.Adapters.WeCom.Storage;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom;

public static class WeComServices
{
    /// <summary>
    /// The WeCom adapter's services: options (validated at start), callback crypto and checks, the adapter, the Refit
    /// client with retries on network errors and 5xx, the token cache, the messenger (registered as an
    /// <see cref="IMessenger"/>) with its outbox flusher, 微信客服 and the group robot. Call only when <c>WeCom:CorpId</c> is set.
    /// </summary>
    public static IServiceCollection AddWeComAdapter(this IServiceCollection services)
    {
        services.AddOptions<WeComOptions>().BindConfiguration(WeComOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeComOptions>, WeComOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<WeComOptions>>().Value;
            return new WeComCrypto(o.Token, o.EncodingAESKey, o.CorpId);
        });
        services.AddSingleton<CallbackChecks>();
        services.AddSingleton<WeComAdapter>();
        services.AddSingleton<WeComReplies>();
        services.AddSingleton<WeComWelcomes>();
        services.AddSingleton<KfDesk>();

        var refit = new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(WeComJson.Options) };
        services.AddRefitGeneratedClient<IWeComApi>(refit)
            .ConfigureHttpClient((sp, http) =>
            {
                http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<WeComOptions>>().Value.ApiBaseUrl.TrimEnd('/'));
                http.Timeout = TimeSpan.FromSeconds(60);
            })
            .AddResilienceHandler("wecom", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<WeComOptions>>().Value;
                if (o.MaxRetries > 0)
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        // Network errors, 5xx, 408 and 429; the delay doubles with jitter.
                        MaxRetryAttempts = o.MaxRetries, Delay = o.RetryDelay, BackoffType = DelayBackoffType.Exponential, UseJitter = true,
                    });
                pipeline.AddTimeout(TimeSpan.FromSeconds(10));
            });

        services.AddSingleton<WeComTokens>();
        services.AddSingleton<WeComClient>();
        services.AddSingleton<WeComOutbox>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<WeComOptions>>().Value;
            return new MemberPace(sp.GetRequiredService<TimeProvider>(), o.MemberMessagesPerMinute, o.MemberMessagesPerHour);
        });
        services.AddSingleton<WeComMessenger>();
        services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<WeComMessenger>());
        services.AddHostedService<OutboxFlusher>();
        services.AddSingleton<KfStore>();
        services.AddSingleton<WeComKf>();
        services.AddSingleton<WeComKfMessenger>();
        services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<WeComKfMessenger>());
        services.AddSingleton<WeComRobot>();
        services.AddSingleton<IGroupRobot>(sp => sp.GetRequiredService<WeComRobot>());
        return services;
    }
}

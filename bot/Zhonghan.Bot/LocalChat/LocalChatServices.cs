using Microsoft.AspNetCore.Hosting.Server;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.LocalChat;

public static class LocalChatServices
{
    /// <summary>The local channel: its adapter and its messenger (the outbox the page and the terminal read).</summary>
    public static IServiceCollection AddLocalChat(this IServiceCollection services)
    {
        services.AddSingleton<LocalChatAdapter>();
        services.AddSingleton<LocalOutbox>();
        services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<LocalOutbox>());
        return services;
    }

    /// <summary>The local chat rule, decided from the addresses the web server bound (the web host only).</summary>
    public static IServiceCollection AddLocalChatMode(this IServiceCollection services) =>
        services.AddSingleton(sp => new LocalChatMode(sp.GetRequiredService<IServer>(), sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<IConfiguration>().GetSection(LocalChatOptions.Section).Get<LocalChatOptions>() ?? new()));
}

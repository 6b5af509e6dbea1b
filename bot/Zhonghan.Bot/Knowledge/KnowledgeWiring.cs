using Microsoft.Extensions.Options;
using Zhonghan.Bot.Hosting;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Knowledge;

namespace Zhonghan.Bot.Knowledge;

public static class KnowledgeWiring
{
    /// <summary>The knowledge base under the data folder, the service-bot desk, the 查 command and the question/AI routes.</summary>
    public static IServiceCollection AddKnowledgeRoom(this IServiceCollection services)
    {
        services.AddKnowledge(sp => Path.GetFullPath(sp.GetRequiredService<IOptions<BotOptions>>().Value.DataDir));
        services.AddSingleton<KnowledgeResponder>();
        services.AddSingleton<CustomerSessions>();
        services.AddSingleton<HandOver>();
        services.AddSingleton<ICustomerDesk, ServiceDesk>();
        services.AddRoute<QuestionRoute>();
        services.AddRoute<AiRoute>();
        services.AddHostedService<KnowledgeStartup>();
        return services;
    }
}

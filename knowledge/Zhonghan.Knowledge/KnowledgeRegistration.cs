using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zhonghan.Knowledge.AI;
using Zhonghan.Knowledge.Answers;
using Zhonghan.Knowledge.Index;
using Zhonghan.Knowledge.Ingestion;

namespace Zhonghan.Knowledge;

public static class KnowledgeRegistration
{
    /// <summary>
    /// The knowledge base ("Knowledge" section) and the AI ("AI" section, off unless configured), with the index in
    /// <paramref name="dataDir"/>/kb unless Knowledge:Folder says otherwise.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, Func<IServiceProvider, string> dataDir)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section)
            .Validate(o => o.AnswerThreshold is >= 0 and <= 1, "Knowledge:AnswerThreshold must be between 0 and 1.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Folder), "Knowledge:Folder must not be empty.")
            .ValidateOnStart();
        services.AddOptions<AiOptions>().BindConfiguration(AiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AiOptions>, AiOptionsValidator>();
        services.AddHttpClient(SemanticKernelAi.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60));

        services.AddSingleton(sp => new KnowledgeIndex(
            Path.Combine(dataDir(sp), sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Folder),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<EmbeddingVectors>();
        services.AddSingleton<IVectorSearch>(sp => sp.GetRequiredService<EmbeddingVectors>());
        services.AddSingleton(sp => new KnowledgeSearch(sp.GetRequiredService<KnowledgeIndex>(), sp.GetRequiredService<IVectorSearch>()));
        services.AddSingleton<KnowledgeImporter>();
        services.AddSingleton<KnowledgeAnswerer>();
        services.AddSingleton<KnowledgeBase>();
        services.AddSingleton<SemanticKernelAi>();
        services.AddSingleton<IKnowledgeAi>(sp => sp.GetRequiredService<IOptions<AiOptions>>().Value.ChatEnabled
            ? sp.GetRequiredService<SemanticKernelAi>()
            : new DisabledKnowledgeAi());
        return services;
    }

    private sealed class AiOptionsValidator : IValidateOptions<AiOptions>
    {
        public ValidateOptionsResult Validate(string? name, AiOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}

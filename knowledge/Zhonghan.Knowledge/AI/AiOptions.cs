namespace Zhonghan.Knowledge.AI;

/// <summary>
/// The "AI" settings section. Empty = AI off (the default): everything works offline. <c>Provider</c> is
/// <c>openai</c> (any OpenAI-compatible endpoint; <c>Endpoint</c> optional) or <c>azure</c> (<c>Endpoint</c> is the
/// resource URL, the models are deployment names).
/// </summary>
public sealed class AiOptions
{
    public const string Section = "AI";

    public string? Provider { get; set; }
    public string? Endpoint { get; set; }
    public string? ApiKey { get; set; }
    public string? ChatModel { get; set; }
    public string? EmbeddingModel { get; set; }
    /// <summary>Time allowed for one answer (model round trips and tool calls together).</summary>
    public int TimeoutSeconds { get; set; } = 40;

    public bool IsAzure => string.Equals(Provider, "azure", StringComparison.OrdinalIgnoreCase);

    public bool ChatEnabled => HasProvider && !string.IsNullOrWhiteSpace(ChatModel);
    public bool EmbeddingsEnabled => HasProvider && !string.IsNullOrWhiteSpace(EmbeddingModel);

    private bool HasProvider => !string.IsNullOrWhiteSpace(Provider) && !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>Why the settings are unusable, or null when they are fine (or AI is simply off).</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Provider)) return null;
        if (!IsAzure && !string.Equals(Provider, "openai", StringComparison.OrdinalIgnoreCase))
            return $"AI:Provider must be 'openai' or 'azure', not '{Provider}'.";
        if (string.IsNullOrWhiteSpace(ApiKey)) return "AI:ApiKey is required when AI:Provider is set.";
        if (IsAzure && string.IsNullOrWhiteSpace(Endpoint)) return "AI:Endpoint (the Azure OpenAI resource URL) is required for Provider=azure.";
        if (!string.IsNullOrWhiteSpace(Endpoint) && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _)) return $"AI:Endpoint is not a URL: '{Endpoint}'.";
        if (string.IsNullOrWhiteSpace(ChatModel) && string.IsNullOrWhiteSpace(EmbeddingModel))
            return "AI:ChatModel or AI:EmbeddingModel is required when AI:Provider is set.";
        return null;
    }
}

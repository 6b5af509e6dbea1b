using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Knowledge.AI;

/// <summary>A line of the conversation so far (for follow-up questions like "那它的交期呢？").</summary>
public sealed record ChatLine(bool FromUser, string Text);

/// <summary>A model's answer: supported by retrieved sources (with their citations), or a refusal.</summary>
public sealed class AiAnswer
{
    /// <summary>False when the model said the sources do not answer it, cited nothing it retrieved, or failed.</summary>
    public bool Supported { get; init; }
    public string Text { get; init; } = "";
    /// <summary>The retrieved hits the answer cites.</summary>
    public IReadOnlyList<SearchHit> Cited { get; init; } = [];

    public static AiAnswer Unsupported { get; } = new() { Supported = false };
}

/// <summary>The AI behind our own interface: off unless the "AI" section configures a chat model.</summary>
public interface IKnowledgeAi
{
    bool IsEnabled { get; }
    Task<AiAnswer> AnswerAsync(string question, IReadOnlyList<ChatLine> history, bool english, CancellationToken ct);
}

/// <summary>AI off: every caller falls back to the offline answers.</summary>
public sealed class DisabledKnowledgeAi : IKnowledgeAi
{
    public bool IsEnabled => false;
    public Task<AiAnswer> AnswerAsync(string question, IReadOnlyList<ChatLine> history, bool english, CancellationToken ct) =>
        Task.FromResult(AiAnswer.Unsupported);
}

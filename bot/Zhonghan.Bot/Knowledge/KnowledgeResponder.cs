using Zhonghan.Knowledge.AI;
using Zhonghan.Knowledge.Answers;

namespace Zhonghan.Bot.Knowledge;

/// <summary>What the bot says to a product question, and whether it rests on sources.</summary>
public sealed class KnowledgeReply
{
    public required Answer Offline { get; init; }
    public required string Text { get; init; }
    /// <summary>The text came from the model (with checked citations).</summary>
    public bool FromAi { get; init; }
    /// <summary>Nothing reliable was found: a person should take it.</summary>
    public bool Unsure => !FromAi && Offline.NeedsPerson;
}

/// <summary>
/// One answer policy for reps and customers. Part numbers are answered offline from the catalogue (facts are never
/// left to a model); other questions go to the AI when it is configured and its answer is supported by cited
/// sources, else to the offline passage/threshold path.
/// </summary>
public sealed class KnowledgeResponder(KnowledgeAnswerer answerer, IKnowledgeAi ai)
{
    public bool AiEnabled => ai.IsEnabled;

    public async Task<KnowledgeReply> RespondAsync(string question, IReadOnlyList<ChatLine> history, CancellationToken ct)
    {
        var offline = await answerer.AnswerAsync(question, ct);
        if (offline.Kind is AnswerKind.Part or AnswerKind.Family or AnswerKind.NotInCatalogue || !ai.IsEnabled)
            return new KnowledgeReply { Offline = offline, Text = offline.Text };
        var aiAnswer = await ai.AnswerAsync(question, history, offline.English, ct);
        return aiAnswer.Supported
            ? new KnowledgeReply { Offline = offline, Text = aiAnswer.Text, FromAi = true }
            : new KnowledgeReply { Offline = offline, Text = offline.Text };
    }
}

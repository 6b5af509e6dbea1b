using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Knowledge.Answers;

public enum AnswerKind
{
    /// <summary>The asked part is in the catalogue: its facts with the source.</summary>
    Part,
    /// <summary>What was typed is the start of several catalogue parts: the candidates, and the question which.</summary>
    Family,
    /// <summary>A part number that is not in the catalogue (said plainly; a rep is offered).</summary>
    NotInCatalogue,
    /// <summary>A general question answered by a passage that clears the threshold.</summary>
    Passage,
    /// <summary>A described need ("3A 同步降压") answered by a list of matching catalogue parts.</summary>
    Suggestions,
    /// <summary>Nothing clears the threshold: "不确定", and a person should take it.</summary>
    Unsure,
}

/// <summary>An offline answer: the text to send, the records it rests on, and what the conversation should do next.</summary>
public sealed class Answer
{
    public AnswerKind Kind { get; init; }
    public string Text { get; init; } = "";
    /// <summary>The hits the answer cites (in the order cited).</summary>
    public IReadOnlyList<SearchHit> Sources { get; init; } = [];
    /// <summary>For <see cref="AnswerKind.Family"/>: the numbered candidates the user may pick from.</summary>
    public IReadOnlyList<KnowledgeRecord> Candidates { get; init; } = [];
    /// <summary>Part numbers asked about that are not in the catalogue.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
    /// <summary>The question is about parts (a lead signal for customer questions).</summary>
    public bool AboutParts { get; init; }
    public bool English { get; init; }

    /// <summary>No answer was found: a person should take the question.</summary>
    public bool NeedsPerson => Kind is AnswerKind.Unsure;
}

using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Commands;

/// <summary>
/// A question for the user's next message: <see cref="Command"/> continues, asking for <see cref="Key"/>, with the
/// values it has. The runner saves it as the dialog (by the command's id, never its word).
/// </summary>
public sealed record Continuation(Type Command, string Key, IReadOnlyDictionary<string, string> Values)
{
    public static Continuation Of<T>(string key, IReadOnlyDictionary<string, string> values) where T : Command => new(typeof(T), key, values);
}

/// <summary>
/// What a command came to: its replies, and maybe a question it asks next (a stage gate asking for the missing parts).
/// Expected outcomes are results like this, never exceptions.
/// </summary>
public sealed class CommandResult(IReadOnlyList<Reply> replies)
{
    public IReadOnlyList<Reply> Replies { get; } = replies;
    public Continuation? Next { get; init; }

    public static implicit operator CommandResult(string text) => new([Reply.Of(text)]);
    public static implicit operator CommandResult(Reply reply) => new([reply]);
    public static implicit operator CommandResult(Reply[] replies) => new(replies);
    public static implicit operator CommandResult(List<Reply> replies) => new(replies);
}

using Zhonghan.Bot.Pipeline;

namespace Zhonghan.Bot.Commands;

/// <summary>
/// Every command class declares its line of the table once, statically: the table (and the words of typed buttons)
/// know it without building the command.
/// </summary>
public interface ICommand
{
    static abstract CommandSpec Spec { get; }
}

/// <summary>A question a command asks about its raw values before they are resolved (which words are the company?).</summary>
public sealed record Clarification(string Key, string TitleZh, string TitleEn, IReadOnlyList<Candidate> Options);

/// <summary>
/// A chat command. The runner reads its typed parameters from the text after its word (or from a dialog's answers,
/// or from values already typed), asks for what is missing, resolves customers and opportunities among what the user
/// may see, then executes it. A command implements <see cref="Execute"/> or <see cref="ExecuteAsync"/>.
/// </summary>
public abstract class Command
{
    /// <summary>
    /// Splits the text after the command word into raw values by parameter key. Default: the one grammar
    /// (<see cref="ParamParser.Split"/>: typed values from both ends, the free text in the middle).
    /// </summary>
    public virtual Dictionary<string, string> Parse(string rest, IReadOnlyList<Param> parameters, TimeProvider clock) =>
        new(ParamParser.Split(parameters.Where(p => !p.Hidden).Select(p => p.Spec with { Rest = p.Rest }).ToList(), rest, clock).Raw);

    /// <summary>
    /// Called before the values are resolved: rewrite <paramref name="raw"/> (e.g. with an earlier choice stored
    /// under a clarification's key), or return a question with numbered options. Default: nothing to ask.
    /// </summary>
    public virtual Clarification? Clarify(Dictionary<string, string> raw) => null;

    public virtual CommandResult Execute(TurnContext ctx, CommandValues values) =>
        throw new InvalidOperationException($"{GetType().Name} implements neither Execute nor ExecuteAsync.");

    public virtual Task<CommandResult> ExecuteAsync(TurnContext ctx, CommandValues values, CancellationToken ct) =>
        Task.FromResult(Execute(ctx, values));
}

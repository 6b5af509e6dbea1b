using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;

namespace Zhonghan.Bot.Commands;

/// <summary>
/// A value a command needs (its kind is the core's <see cref="ParamKind"/>); when it is missing the bot asks for it
/// with the prompt, and when it does not read it says why and asks again.
/// </summary>
public sealed record Param(string Key, ParamKind Kind, string PromptZh, string PromptEn, bool Required = true)
{
    /// <summary>For dates: what the date is for (plans ask about a just-passed day; past events take the latest).</summary>
    public DatePurpose Purpose { get; init; } = DatePurpose.Plan;

    /// <summary>For document numbers: which kind (Q12, S3, O7).</summary>
    public CodeKind Code { get; init; } = CodeKind.Any;

    public ParamSpec Spec => new(Key, Kind, Required) { Purpose = Purpose, Code = Code };
}

/// <summary>A question a command asks about its raw values before they are resolved (which words are the company?).</summary>
public sealed record Clarification(string Key, string TitleZh, string TitleEn, IReadOnlyList<Candidate> Options);

/// <summary>
/// A chat command: Chinese name first, English aliases, usage and an example for help. The runner fills
/// <see cref="Params"/> from <see cref="Parse"/>, asks for what is missing, resolves customers, then executes.
/// </summary>
public abstract class Command
{
    public abstract string Name { get; }
    public abstract IReadOnlyList<string> Aliases { get; }
    public abstract string Usage { get; }
    public abstract string UsageEn { get; }
    public abstract string Summary { get; }
    public abstract string SummaryEn { get; }
    public abstract string Example { get; }
    /// <summary>Help section: 客户 / 商机 / 提醒 / 其他.</summary>
    public virtual string Group => "客户";
    public virtual IReadOnlyList<Param> Params => [];

    /// <summary>Who may use it (others get a refusal, and it is hidden from their help).</summary>
    public virtual bool IsFor(User user) => true;

    /// <summary>Splits the text after the command word into named values. Default: positional, last one takes the rest.</summary>
    public virtual Dictionary<string, string> Parse(string rest)
    {
        var values = new Dictionary<string, string>();
        var remaining = rest;
        for (var i = 0; i < Params.Count && remaining.Length > 0; i++)
        {
            if (i == Params.Count - 1) { values[Params[i].Key] = remaining.Trim(); break; }
            var token = Tokens.TakeFirst(remaining, out remaining);
            if (token.Length > 0) values[Params[i].Key] = token;
        }
        return values;
    }

    /// <summary>
    /// Called before the values are resolved: rewrite <paramref name="raw"/> (e.g. with an earlier choice stored
    /// under a clarification's key), or return a question with numbered options. Default: nothing to ask.
    /// </summary>
    public virtual Clarification? Clarify(Dictionary<string, string> raw) => null;

    public abstract Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues values, CancellationToken ct);

    /// <summary>Internal steps of a dialog (e.g. a rejection comment): not listed in help.</summary>
    public virtual bool Hidden => false;

    protected static Task<IReadOnlyList<Reply>> Say(string text) => Task.FromResult<IReadOnlyList<Reply>>([Reply.Of(text)]);
    protected static Task<IReadOnlyList<Reply>> Say(params Reply[] replies) => Task.FromResult<IReadOnlyList<Reply>>(replies);
}

using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;

namespace Zhonghan.Bot.Commands;

public enum ParamKind
{
    /// <summary>A customer the user may see, found by full or partial name (ambiguous → numbered choices).</summary>
    Customer,
    /// <summary>Free text (notes, reasons).</summary>
    Text,
    /// <summary>A date expression (明天, 下周三, 12月5日 …).</summary>
    Date,
    /// <summary>An opportunity the user may see, by project or customer name (ambiguous → numbered choices).</summary>
    Opportunity,
}

/// <summary>A value a command needs; when it is missing the bot asks for it with the prompt.</summary>
public sealed record Param(string Key, ParamKind Kind, string PromptZh, string PromptEn, bool Required = true);

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

    public abstract Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues values, CancellationToken ct);

    /// <summary>Internal steps of a dialog (e.g. a rejection comment): not listed in help.</summary>
    public virtual bool Hidden => false;

    protected static Task<IReadOnlyList<Reply>> Say(string text) => Task.FromResult<IReadOnlyList<Reply>>([Reply.Of(text)]);
    protected static Task<IReadOnlyList<Reply>> Say(params Reply[] replies) => Task.FromResult<IReadOnlyList<Reply>>(replies);
}

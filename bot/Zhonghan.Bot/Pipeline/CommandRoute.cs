using System.Globalization;
using Zhonghan.Bot.Commands;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// Commands. Text that starts with a command word runs that command — except a question that starts with an English
/// word of a command the sender's role cannot use ("Price for 06035A391JAT2A?" from a rep): that goes on to the
/// question route. Running a command: who may use it, its clarifications, then each typed parameter in turn — asked
/// for when missing, numbered choices for an ambiguous name, 是/否 for a plan date that just passed, asked again with
/// the reason when it does not read — and then the command itself. A question it leaves is the turn's dialog.
/// </summary>
public sealed class CommandRoute(
    CommandCatalog catalog, IEnumerable<Command> commands, IEnumerable<IEntityResolver> resolvers, CommandQuestions questions, TimeProvider clock) : IRoute
{
    private readonly Dictionary<Type, Command> byType = commands.ToDictionary(c => c.GetType());
    private readonly Dictionary<ParamKind, IEntityResolver> byKind = resolvers.ToDictionary(r => r.Kind);

    public int Order => RouteOrder.Command;

    public Task<IReadOnlyList<Reply>?> TryHandleAsync(TurnContext ctx, CancellationToken ct) =>
        ctx.Turn.Kind == TurnKind.Message ? HandleTextAsync(ctx, ctx.Text, ct) : Task.FromResult<IReadOnlyList<Reply>?>(null);

    public async Task<IReadOnlyList<Reply>?> HandleTextAsync(TurnContext ctx, string text, CancellationToken ct)
    {
        var match = catalog.Match(text);
        if (match is null) return null;
        var spec = match.Entry.Spec;
        if (match.English && !spec.Who.Allows(ctx.User) && QuestionCues.LooksLikeQuestion(text)) return null;
        ctx.English = match.English;
        return await RunAsync(ctx, match.Entry, Parse(match.Entry, match.Rest, spec.Params), ct);
    }

    /// <summary>Text as the command reads it, for the given parameters (all of them after its word; fewer for a dialog's answer).</summary>
    public Dictionary<string, string> Parse(CatalogEntry entry, string text, IReadOnlyList<Param> parameters) =>
        byType[entry.Type].Parse(text, parameters, clock);

    /// <summary>
    /// Runs a command from typed values by parameter key (function calling): each is written the way its parameter
    /// reads it — a customer or an opportunity id as #12, a number invariantly, a date canonically — and goes the way
    /// typed text goes: who may use it, resolution among what the user may see, questions for what is missing.
    /// </summary>
    public Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, string commandId, IReadOnlyDictionary<string, object?> values, CancellationToken ct)
    {
        var entry = catalog.ById(commandId) ?? throw new ArgumentException($"No command {commandId}.", nameof(commandId));
        var raw = values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value switch
        {
            int id => $"#{id}",
            ResolvedDate d => DateParser.Canonical(d),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other!.ToString() ?? "",
        });
        return RunAsync(ctx, entry, raw, ct);
    }

    /// <summary>Runs a command from raw values by parameter key (typed text, or a dialog's answers).</summary>
    public async Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, CatalogEntry entry, Dictionary<string, string> raw, CancellationToken ct)
    {
        var spec = entry.Spec;
        if (!spec.Who.Allows(ctx.User))
        {
            ctx.EndDialog();
            return [Reply.Of(ctx.L($"你的角色不能使用“{spec.Word}”。", $"Your role cannot use '{spec.Word}'."))];
        }
        var command = byType[entry.Type];
        if (command.Clarify(raw) is { } question)
            return questions.Choose(ctx, entry, raw, question.Key, ctx.L(question.TitleZh, question.TitleEn), question.Options);
        var values = new CommandValues(raw);
        foreach (var p in spec.Params)
        {
            if (values.Get(p.Key) is not { } value)
            {
                if (!p.Required) continue;
                return questions.Ask(ctx, entry, raw, p, ctx.L(p.Ask, p.AskEn));
            }
            if (Read(ctx, entry, raw, values, p, value) is { } answer) return answer;
        }
        ctx.EndDialog();
        var result = await command.ExecuteAsync(ctx, values, ct);
        if (result.Next is { } next) questions.Continue(ctx, next);
        return result.Replies;
    }

    /// <summary>Reads one value into <paramref name="values"/>; or the answer to give instead (a question, or not found).</summary>
    private IReadOnlyList<Reply>? Read(TurnContext ctx, CatalogEntry entry, Dictionary<string, string> raw, CommandValues values, Param p, string value)
    {
        switch (p.Kind)
        {
            case ParamKind.Company or ParamKind.Opportunity:
                var resolver = byKind[p.Kind];
                var found = resolver.Resolve(ctx.User, value);
                if (found.Match is not null) { values.SetEntity(p.Key, found.Match, found.MatchId); return null; }
                if (found.Candidates.Count <= 1)
                {
                    ctx.EndDialog();
                    return [Reply.Of(resolver.NotFound(ctx, value))];
                }
                var what = p.Kind == ParamKind.Opportunity ? ctx.L("商机", "opportunities") : ctx.L("客户", "customers");
                return questions.Choose(ctx, entry, raw, p.Key, ctx.L($"“{value}”对应多个{what}，请选择：", $"'{value}' matches several {what}:"), found.Candidates);
            case ParamKind.Date:
                if (!DateParser.TryParse(value, p.Purpose, clock, out var date))
                {
                    raw.Remove(p.Key);
                    return questions.Ask(ctx, entry, raw, p, ctx.L(
                        $"没看懂日期“{value}”。{p.Ask}（例如：明天、下周三、3天后、12月5日、12-05 14:00、今晚8点、2小时后）",
                        $"I could not read the date '{value}'. {p.AskEn} (e.g. tomorrow, next wed, in 2 hours, 2026-12-05)"));
                }
                if (date.NeedsConfirmation) return questions.Confirm(ctx, entry, raw, p, date);
                values.SetDate(p.Key, date.Date);
                return null;
            case ParamKind.Text or ParamKind.Contact:
                return null;
            default:
                var read = ParamParser.Read(p.Spec, value, clock);
                if (read.Ok) { values.SetValue(p.Key, read.Value); return null; }
                raw.Remove(p.Key);
                return questions.Ask(ctx, entry, raw, p, ctx.L($"{read.Error}{p.Ask}", $"{read.ErrorEn} {p.AskEn}"));
        }
    }
}

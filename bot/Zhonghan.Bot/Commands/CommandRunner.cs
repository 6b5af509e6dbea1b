using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Commands;

/// <summary>
/// Runs a command: checks who may use it, lets it clarify its words, asks for each missing required value,
/// resolves customers and opportunities (numbered choices when ambiguous), reads dates by purpose (a plan whose day
/// just passed is confirmed with 是/否) and typed values (asks again with the reason when one does not read), then
/// executes. Waiting states are dialogs.
/// </summary>
public sealed class CommandRunner(IEnumerable<IEntityResolver> resolvers, DialogStore dialogs, TimeProvider clock)
{
    private readonly Dictionary<ParamKind, IEntityResolver> byKind = resolvers.ToDictionary(r => r.Kind);

    public async Task<IReadOnlyList<Reply>> RunAsync(TurnContext ctx, Command command, Dictionary<string, string> raw, CancellationToken ct)
    {
        if (!command.IsFor(ctx.User))
        {
            dialogs.Clear(ctx.User.Id);
            return [Reply.Of(ctx.L($"你的角色不能使用“{command.Name}”。", $"Your role cannot use '{command.Name}'."))];
        }
        if (command.Clarify(raw) is Clarification question)
            return Choose(ctx, command, raw, question.Key, ctx.L(question.TitleZh, question.TitleEn), question.Options);
        var values = new CommandValues(raw);
        foreach (var p in command.Params)
        {
            var value = values.Get(p.Key);
            if (value is null)
            {
                if (!p.Required) continue;
                return Ask(ctx, command, raw, p, ctx.L(p.PromptZh, p.PromptEn));
            }
            switch (p.Kind)
            {
                case ParamKind.Company or ParamKind.Opportunity:
                    var resolver = byKind[p.Kind];
                    var found = resolver.Resolve(ctx.User, value);
                    if (found.Match is not null) { values.SetEntity(p.Key, found.Match, found.MatchId); break; }
                    if (found.Candidates.Count > 1)
                    {
                        var what = p.Kind == ParamKind.Opportunity ? ctx.L("商机", "opportunities") : ctx.L("客户", "customers");
                        return Choose(ctx, command, raw, p.Key, ctx.L($"“{value}”对应多个{what}，请选择：", $"'{value}' matches several {what}:"), found.Candidates);
                    }
                    if (ctx.Dialog is not null) { dialogs.Clear(ctx.User.Id); ctx.Dialog = null; }
                    return [Reply.Of(resolver.NotFound(ctx, value))];
                case ParamKind.Date:
                    if (!DateParser.TryParse(value, p.Purpose, clock, out var date))
                    {
                        raw.Remove(p.Key);
                        return Ask(ctx, command, raw, p, ctx.L(
                            $"没看懂日期“{value}”。{p.PromptZh}（例如：明天、下周三、3天后、12月5日、12-05 14:00、今晚8点、2小时后）",
                            $"I could not read the date '{value}'. {p.PromptEn} (e.g. tomorrow, next wed, in 2 hours, 2026-12-05)"));
                    }
                    if (date.NeedsConfirmation) return Confirm(ctx, command, raw, p, date);
                    values.SetDate(p.Key, date.Date);
                    break;
                case ParamKind.Amount or ParamKind.Quantity or ParamKind.Price or ParamKind.Code or ParamKind.Phone or ParamKind.Enum:
                    var read = ParamParser.Read(p.Spec, value, clock);
                    if (!read.Ok)
                    {
                        raw.Remove(p.Key);
                        return Ask(ctx, command, raw, p, ctx.L($"{read.Error}{p.PromptZh}", $"{read.ErrorEn} {p.PromptEn}"));
                    }
                    values.SetValue(p.Key, read.Value);
                    break;
            }
        }
        if (ctx.Dialog is not null) { dialogs.Clear(ctx.User.Id); ctx.Dialog = null; }
        return await command.ExecuteAsync(ctx, values, ct);
    }

    private IReadOnlyList<Reply> Ask(TurnContext ctx, Command command, Dictionary<string, string> raw, Param p, string prompt)
    {
        dialogs.Save(ctx.User.Id, new DialogState { Command = command.Name, Values = raw, Pending = p.Key, English = ctx.English });
        return [Reply.Of(prompt + ctx.L("（发送“取消”可放弃）", " (send \"cancel\" to stop)"))];
    }

    /// <summary>A plan whose day just passed: the candidate waits in the dialog; 是 takes it, 否 asks for another date.</summary>
    private IReadOnlyList<Reply> Confirm(TurnContext ctx, Command command, Dictionary<string, string> raw, Param p, DateReading date)
    {
        raw.Remove(p.Key);
        dialogs.Save(ctx.User.Id, new DialogState
        {
            Command = command.Name, Values = raw, Pending = p.Key, English = ctx.English, Proposed = DateParser.Canonical(date.Date),
        });
        var question = ctx.L(date.Question!, date.QuestionEn!);
        var card = new Card { Title = question, Actions = [CardAction.Command(ctx.L("是", "Yes"), "是"), CardAction.Command(ctx.L("否", "No"), "否")] };
        return [Reply.WithCard(question + ctx.L("（回复“是”或“否”）", " (reply yes or no)"), card)];
    }

    private IReadOnlyList<Reply> Choose(TurnContext ctx, Command command, Dictionary<string, string> raw, string key, string title, IReadOnlyList<Candidate> candidates)
    {
        dialogs.Save(ctx.User.Id, new DialogState
        {
            Command = command.Name, Values = raw, Pending = key, English = ctx.English,
            Options = candidates.Select(c => c.Id).ToList(),
        });
        var card = new Card { Title = title };
        for (var i = 0; i < candidates.Count; i++)
        {
            card.Lines.Add($"{i + 1}. {candidates[i].Label}");
            card.Actions.Add(CardAction.Command($"{i + 1}. {candidates[i].Label}", (i + 1).ToString()));
        }
        var text = card.Title + "\n" + string.Join("\n", card.Lines) + ctx.L("\n回复序号即可（发送“取消”可放弃）。", "\nReply with the number (or \"cancel\").");
        return [Reply.WithCard(text, card)];
    }
}

using Zhonghan.Bot.Pipeline;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Commands;

/// <summary>
/// Runs a command: checks who may use it, asks for each missing required value, resolves customers (numbered
/// choices when ambiguous) and dates (asks again when unreadable), then executes. Waiting states are dialogs.
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
                case ParamKind.Customer or ParamKind.Opportunity:
                    var resolver = byKind[p.Kind];
                    var found = resolver.Resolve(ctx.User, value);
                    if (found.Match is not null) { values.SetEntity(p.Key, found.Match, found.MatchId); break; }
                    if (found.Candidates.Count > 1) return Choose(ctx, command, raw, p, value, found.Candidates);
                    if (ctx.Dialog is not null) { dialogs.Clear(ctx.User.Id); ctx.Dialog = null; }
                    return [Reply.Of(resolver.NotFound(ctx, value))];
                case ParamKind.Date:
                    if (!DateExpression.TryParse(value, clock, out var date))
                    {
                        raw.Remove(p.Key);
                        return Ask(ctx, command, raw, p, ctx.L(
                            $"没看懂日期“{value}”。{p.PromptZh}（例如：明天、下周三、3天后、12月5日、12-05 14:00）",
                            $"I could not read the date '{value}'. {p.PromptEn} (e.g. tomorrow, next wed, in 3 days, 2026-12-05)"));
                    }
                    values.SetDate(p.Key, date);
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

    private IReadOnlyList<Reply> Choose(TurnContext ctx, Command command, Dictionary<string, string> raw, Param p, string typed, IReadOnlyList<Candidate> candidates)
    {
        dialogs.Save(ctx.User.Id, new DialogState
        {
            Command = command.Name, Values = raw, Pending = p.Key, English = ctx.English,
            Options = candidates.Select(c => c.Id).ToList(),
        });
        var what = p.Kind == ParamKind.Opportunity ? ctx.L("商机", "opportunities") : ctx.L("客户", "customers");
        var card = new Card { Title = ctx.L($"“{typed}”对应多个{what}，请选择：", $"'{typed}' matches several {what}:") };
        for (var i = 0; i < candidates.Count; i++)
        {
            card.Lines.Add($"{i + 1}. {candidates[i].Label}");
            card.Actions.Add(CardAction.Command($"{i + 1}. {candidates[i].Label}", (i + 1).ToString()));
        }
        var text = card.Title + "\n" + string.Join("\n", card.Lines) + ctx.L("\n回复序号即可（发送“取消”可放弃）。", "\nReply with the number (or \"cancel\").");
        return [Reply.WithCard(text, card)];
    }
}

using Zhonghan.Bot.Pipeline;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Commands;

/// <summary>
/// Runs a command: checks who may use it, asks for each missing required value, resolves customers (numbered
/// choices when ambiguous) and dates (asks again when unreadable), then executes. Waiting states are dialogs.
/// </summary>
public sealed class CommandRunner(CustomerFinder finder, DialogStore dialogs, TimeProvider clock)
{
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
                case ParamKind.Customer:
                    var found = finder.Find(ctx.User, value);
                    if (found.Match is not null) { values.SetCustomer(p.Key, found.Match); break; }
                    if (found.IsAmbiguous) return Choose(ctx, command, raw, p, value, found.Candidates);
                    dialogs.Clear(ctx.User.Id);
                    return [Reply.Of(ctx.L(
                        $"没有找到客户“{value}”（或你没有查看权限）。可以发送“我的线索”查看你的客户，或“新建线索 {value}”。",
                        $"No customer '{value}' found (or you may not see it). Send \"my leads\" to list yours."))];
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

    private IReadOnlyList<Reply> Choose(TurnContext ctx, Command command, Dictionary<string, string> raw, Param p, string typed, IReadOnlyList<Customer> candidates)
    {
        dialogs.Save(ctx.User.Id, new DialogState
        {
            Command = command.Name, Values = raw, Pending = p.Key, English = ctx.English,
            Options = candidates.Select(c => c.Id).ToList(),
        });
        var card = new Card { Title = ctx.L($"“{typed}”对应多个客户，请选择：", $"'{typed}' matches several customers:") };
        for (var i = 0; i < candidates.Count; i++)
        {
            card.Lines.Add($"{i + 1}. {candidates[i].Company}");
            card.Actions.Add(CardAction.Command($"{i + 1}. {candidates[i].Company}", (i + 1).ToString()));
        }
        var text = card.Title + "\n" + string.Join("\n", card.Lines) + ctx.L("\n回复序号即可（发送“取消”可放弃）。", "\nReply with the number (or \"cancel\").");
        return [Reply.WithCard(text, card)];
    }
}

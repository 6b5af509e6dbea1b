using Zhonghan.Bot.Commands;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// The questions a command asks while its values are read — a missing value, a numbered choice, 是/否 for a plan
/// date that just passed — each a reply and the dialog the turn leaves waiting (by the command's id, never its word).
/// </summary>
public sealed class CommandQuestions(CommandCatalog catalog)
{
    public IReadOnlyList<Reply> Ask(TurnContext ctx, CatalogEntry entry, Dictionary<string, string> raw, Param p, string prompt)
    {
        ctx.Ask(Dialog(ctx, entry, raw, p.Key, DialogWait.Value));
        return [Reply.Of(prompt + ctx.L("（发送“取消”可放弃）", " (send \"cancel\" to stop)"))];
    }

    /// <summary>A plan whose day just passed: the candidate waits in the dialog; 是 takes it, 否 asks for another date.</summary>
    public IReadOnlyList<Reply> Confirm(TurnContext ctx, CatalogEntry entry, Dictionary<string, string> raw, Param p, DateReading date)
    {
        raw.Remove(p.Key);
        var dialog = Dialog(ctx, entry, raw, p.Key, DialogWait.YesNo);
        dialog.Proposed = DateParser.Canonical(date.Date);
        ctx.Ask(dialog);
        var question = ctx.L(date.Question!, date.QuestionEn!);
        var card = new Card { Title = question, Actions = [CardAction.Command(ctx.L("是", "Yes"), "是"), CardAction.Command(ctx.L("否", "No"), "否")] };
        return [Reply.WithCard(question + ctx.L("（回复“是”或“否”）", " (reply yes or no)"), card)];
    }

    public IReadOnlyList<Reply> Choose(TurnContext ctx, CatalogEntry entry, Dictionary<string, string> raw, string key, string title, IReadOnlyList<Candidate> candidates)
    {
        var dialog = Dialog(ctx, entry, raw, key, DialogWait.Choice);
        dialog.Options = candidates.Select(c => c.Id).ToList();
        ctx.Ask(dialog);
        var card = new Card { Title = title };
        for (var i = 0; i < candidates.Count; i++)
        {
            card.Lines.Add($"{i + 1}. {candidates[i].Label}");
            card.Actions.Add(CardAction.Command($"{i + 1}. {candidates[i].Label}", (i + 1).ToString()));
        }
        var text = card.Title + "\n" + string.Join("\n", card.Lines) + ctx.L("\n回复序号即可（发送“取消”可放弃）。", "\nReply with the number (or \"cancel\").");
        return [Reply.WithCard(text, card)];
    }

    /// <summary>A question a command's result asks (a stage gate asking for the missing parts).</summary>
    public void Continue(TurnContext ctx, Continuation next) =>
        ctx.Ask(Dialog(ctx, catalog.Of(next.Command), new Dictionary<string, string>(next.Values), next.Key, DialogWait.Value));

    private static DialogState Dialog(TurnContext ctx, CatalogEntry entry, Dictionary<string, string> raw, string key, DialogWait waits) =>
        new() { Command = entry.Spec.Id, Values = raw, Pending = key, Waits = waits, English = ctx.English };
}

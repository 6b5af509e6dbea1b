using Zhonghan.Bot.Commands;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// Continues a command that asked for a value, a choice or 是/否. A new command word, or "取消", ends the dialog.
/// The answer fills the value asked for (and the ones after it, when the question asked for several), then the
/// command runs again with everything it has.
/// </summary>
public sealed class DialogRoute(CommandCatalog catalog, CommandRoute commands) : IRoute
{
    private static readonly HashSet<string> CancelWords = ["取消", "算了", "不用了", "cancel", "quit", "stop"];
    private static readonly HashSet<string> YesWords = ["是", "是的", "对", "对的", "嗯", "好", "好的", "确认", "没错", "yes", "y", "ok", "sure"];
    private static readonly HashSet<string> NoWords = ["否", "不是", "不", "不对", "不是的", "no", "n"];

    public int Order => RouteOrder.Dialog;

    public Task<IReadOnlyList<Reply>?> TryHandleAsync(TurnContext ctx, CancellationToken ct) =>
        ctx.Turn.Kind == TurnKind.Message ? HandleTextAsync(ctx, ctx.Text, ct) : Task.FromResult<IReadOnlyList<Reply>?>(null);

    public async Task<IReadOnlyList<Reply>?> HandleTextAsync(TurnContext ctx, string text, CancellationToken ct)
    {
        var dialog = ctx.Dialog;
        if (dialog is null) return null;
        text = text.Trim();
        if (CancelWords.Contains(text.ToLowerInvariant()))
        {
            ctx.EndDialog();
            return [Reply.Of(ctx.L("好的，已取消。", "OK, cancelled."))];
        }
        var entry = catalog.ById(dialog.Command);
        if (entry is null || catalog.Match(text, allowGlued: false) is not null)
        {
            ctx.EndDialog();
            return null; // a new command: let the command route take it
        }
        if (text.Length == 0) return [Reply.Of(ctx.L("请输入内容，或发送“取消”。", "Please type a value, or \"cancel\"."))];

        ctx.English = dialog.English;
        var values = new Dictionary<string, string>(dialog.Values);
        var word = text.TrimEnd('。', '.', '!', '！').ToLowerInvariant();
        switch (dialog.Waits)
        {
            case DialogWait.YesNo when YesWords.Contains(word):
                values[dialog.Pending] = dialog.Proposed!;
                break;
            case DialogWait.YesNo when NoWords.Contains(word):
                ctx.Ask(new DialogState
                {
                    Command = dialog.Command, Values = dialog.Values, Pending = dialog.Pending, Waits = DialogWait.Value, English = dialog.English,
                });
                return [Reply.Of(ctx.L("好的，那是哪一天？请输入日期，例如 12月20日、下周三（发送“取消”可放弃）。",
                    "OK, which day then? (e.g. 2026-12-20, next wed; or \"cancel\")"))];
            case DialogWait.Choice:
                var number = text.TrimEnd('.', '。', '号');
                if (!int.TryParse(number, out var n) || n < 1 || n > dialog.Options.Count)
                    return [Reply.Of(ctx.L($"请回复 1 到 {dialog.Options.Count} 之间的序号，或发送“取消”。",
                        $"Reply with a number from 1 to {dialog.Options.Count}, or \"cancel\"."))];
                values[dialog.Pending] = $"#{dialog.Options[n - 1]}";
                break;
            default:
                Fill(entry, values, dialog.Pending, text);
                break;
        }
        return await commands.RunAsync(ctx, entry, values, ct);
    }

    /// <summary>
    /// The answer is the value asked for; when the question asked for several (型号 年用量 目标价), the command reads it
    /// for all of them, as it reads the text after its word.
    /// </summary>
    private void Fill(CatalogEntry entry, Dictionary<string, string> values, string pending, string text)
    {
        if (entry.Spec.Param(pending) is not { AnswerFillsRest: true })
        {
            values[pending] = text;
            return;
        }
        var rest = entry.Spec.Params.SkipWhile(p => p.Key != pending).Where(p => !values.ContainsKey(p.Key)).ToList();
        foreach (var (key, value) in commands.Parse(entry, text, rest)) values[key] = value;
    }
}

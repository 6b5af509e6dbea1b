using Zhonghan.Bot.Commands;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// Continues a command that asked for a value or a choice. A new command word, or "取消", ends the dialog.
/// </summary>
public sealed class DialogRoute(CommandTable table, CommandRunner runner, DialogStore dialogs) : IRoute
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
            dialogs.Clear(ctx.User.Id);
            ctx.Dialog = null;
            return [Reply.Of(ctx.L("好的，已取消。", "OK, cancelled."))];
        }
        var command = table.ByName(dialog.Command);
        if (command is null || table.Match(text, allowGlued: false) is not null)
        {
            dialogs.Clear(ctx.User.Id);
            ctx.Dialog = null;
            return null; // a new command: let the command route take it
        }
        if (text.Length == 0) return [Reply.Of(ctx.L("请输入内容，或发送“取消”。", "Please type a value, or \"cancel\"."))];

        ctx.English = dialog.English;
        var values = new Dictionary<string, string>(dialog.Values);
        var word = text.TrimEnd('。', '.', '!', '！').ToLowerInvariant();
        if (dialog.Proposed is not null && YesWords.Contains(word))
        {
            values[dialog.Pending] = dialog.Proposed;
        }
        else if (dialog.Proposed is not null && NoWords.Contains(word))
        {
            dialog.Proposed = null;
            dialogs.Save(ctx.User.Id, dialog);
            return [Reply.Of(ctx.L("好的，那是哪一天？请输入日期，例如 12月20日、下周三（发送“取消”可放弃）。",
                "OK, which day then? (e.g. 2026-12-20, next wed; or \"cancel\")"))];
        }
        else if (dialog.Options.Count > 0)
        {
            var number = text.TrimEnd('.', '。', '号');
            if (!int.TryParse(number, out var n) || n < 1 || n > dialog.Options.Count)
                return [Reply.Of(ctx.L($"请回复 1 到 {dialog.Options.Count} 之间的序号，或发送“取消”。",
                    $"Reply with a number from 1 to {dialog.Options.Count}, or \"cancel\"."))];
            values[dialog.Pending] = $"#{dialog.Options[n - 1]}";
        }
        else
        {
            values[dialog.Pending] = text;
        }
        return await runner.RunAsync(ctx, command, values, ct);
    }
}

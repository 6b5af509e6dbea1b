using Zhonghan.Bot.Pipeline;

namespace Zhonghan.Bot.Commands;

/// <summary>帮助 — every command the user may use, with an example, from the table.</summary>
public sealed class HelpCommand(HelpText help) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("help", "帮助")
    {
        Aliases = ["help", "?", "？", "菜单", "menu", "命令"],
        Group = CommandGroups.Other,
        Summary = "查看所有命令", SummaryEn = "list the commands",
        Example = "帮助",
        Notes = "every command with an example",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues values) => help.For(ctx.User, ctx.English);
}

/// <summary>取消 — outside a dialog there is nothing to cancel (inside one, the dialog route takes it).</summary>
public sealed class CancelCommand : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("cancel", "取消")
    {
        Aliases = ["cancel"],
        Group = CommandGroups.Other,
        Summary = "放弃正在进行的提问", SummaryEn = "stop the current question",
        Example = "取消",
        Notes = "stops a question the bot asked",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues values) =>
        ctx.L("现在没有需要取消的操作。", "There is nothing to cancel.");
}

public static class CommandText
{
    /// <summary>A command as typed in Chinese: the word of <typeparamref name="T"/> and the values.</summary>
    public static string Zh<T>(string values = "") where T : ICommand => (T.Spec.Word + " " + values).TrimEnd();

    /// <summary>A command as the user would type it, in the turn's language: the word of <typeparamref name="T"/> and the values.</summary>
    public static string Cmd<T>(this TurnContext ctx, string values = "") where T : ICommand =>
        ((ctx.English ? T.Spec.English : T.Spec.Word) + " " + values).TrimEnd();
}

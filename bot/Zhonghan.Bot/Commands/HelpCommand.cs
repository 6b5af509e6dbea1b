using System.Text;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Commands;

/// <summary>帮助 — every command the user may use, with an example. Commands come from the table, so none is missed.</summary>
public sealed class HelpCommand(IServiceProvider services) : Command
{
    private static readonly string[] GroupOrder = ["客户", "公海", "商机", "审批", "报表", "提醒", "知识", "管理", "其他"];

    public override string Name => "帮助";
    public override IReadOnlyList<string> Aliases => ["help", "?", "？", "菜单", "menu", "命令"];
    public override string Usage => "帮助";
    public override string UsageEn => "help";
    public override string Summary => "查看所有命令";
    public override string SummaryEn => "list the commands";
    public override string Example => "帮助";
    public override string Group => "其他";

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        // Resolved lazily: the table holds this command too.
        var table = services.GetRequiredService<CommandTable>();
        var sb = new StringBuilder(ctx.L("📖 众韩助手命令（<> 必填，[] 可选；公司名可只写一部分，如“汇川”）\n",
                                         "📖 Zhonghan assistant commands (<> required, [] optional; part of a company name is enough)\n"));
        var commands = table.All.Where(c => !c.Hidden && c.IsFor(ctx.User))
            .GroupBy(c => c.Group).OrderBy(g => Array.IndexOf(GroupOrder, g.Key) is var i && i < 0 ? 99 : i);
        foreach (var group in commands)
        {
            sb.Append('\n').Append(ctx.English ? GroupEnglish(group.Key) : group.Key).Append('\n');
            foreach (var c in group)
            {
                if (ctx.English)
                    sb.Append($"• {c.UsageEn} — {c.SummaryEn} ({c.Name})\n  e.g. {c.Example}\n");
                else
                    sb.Append($"• {c.Usage} — {c.Summary}（{string.Join(" / ", c.Aliases.Where(a => a.All(char.IsAscii)).Take(1))}）\n  例：{c.Example}\n");
            }
        }
        sb.Append(ctx.L("\n日期可以写：今天、明天、后天、下周三、3天后、12月5日、12-05 14:00、2026-12-05。任何时候发送“取消”可放弃当前操作。",
                        "\nDates: today, tomorrow, next wed, in 3 days, 12-05 14:00, 2026-12-05. Send \"cancel\" to stop a question."));
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.Of(sb.ToString().Replace("（）", ""))]);
    }

    private static string GroupEnglish(string group) => group switch
    {
        "客户" => "Customers", "公海" => "Public pool", "商机" => "Opportunities", "提醒" => "Reminders",
        "知识" => "Products", "管理" => "Admin", "审批" => "Approvals", "报表" => "Reports", _ => "Other",
    };
}

/// <summary>取消 — outside a dialog there is nothing to cancel (inside one, the dialog route takes it).</summary>
public sealed class CancelCommand : Command
{
    public override string Name => "取消";
    public override IReadOnlyList<string> Aliases => ["cancel"];
    public override string Usage => "取消";
    public override string UsageEn => "cancel";
    public override string Summary => "放弃正在进行的提问";
    public override string SummaryEn => "stop the current question";
    public override string Example => "取消";
    public override string Group => "其他";

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Reply>>([Reply.Of(ctx.L("现在没有需要取消的操作。", "There is nothing to cancel."))]);
}

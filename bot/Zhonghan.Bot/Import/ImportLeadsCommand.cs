using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;

namespace Zhonghan.Bot.Import;

/// <summary>
/// 导入线索 [负责人] typed without a file: says how to send one (the web chat's 导入 button posts the file with this text to
/// /api/chat/import; the command line imports a file on disk). Managers and admins, as the importer allows.
/// </summary>
public sealed class ImportLeadsCommand : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("import-leads", "导入线索")
    {
        Aliases = ["import leads", "批量导入"],
        Group = CommandGroups.Admin,
        Who = Who.Managers,
        Params = [new("owner", ParamKind.Text, "负责人", "owner") { Required = false }],
        Summary = "在网页聊天里点“导入”上传 .xlsx / .csv 批量导入线索（写了负责人就分给该销售，否则进公海）",
        SummaryEn = "upload an .xlsx / .csv with the 导入 button in the web chat to import leads",
        Example = "导入线索 张三",
        Notes = "managers and admins: upload an .xlsx / .csv in the web chat (see Importing leads)",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v) =>
        ctx.L(
            "请在网页聊天里点输入框旁的“导入”按钮，选择 .xlsx 或 .csv 文件；输入框里可先写“导入线索 张三”把线索分给张三，不写则进公海。" +
            "\n完成后我会回复导入结果和完整报告（.xlsx）的下载链接。\n命令行：dotnet run --project bot/Zhonghan.Bot -- import leads 文件 [--owner 用户]",
            "In the web chat press 导入 (import) next to the input box and pick an .xlsx or .csv file (type \"import leads <owner>\" first to give the leads to a rep)." +
            "\nCommand line: dotnet run --project bot/Zhonghan.Bot -- import leads FILE [--owner USER]");
}

using Zhonghan.Core.People;

namespace Zhonghan.Bot.LocalChat;

/// <summary>What the web chat's first page says to the chosen name: who the bot takes them for, and three things to try.</summary>
public sealed class ChatGreeting
{
    public required string User { get; init; }
    /// <summary>False: the name is no CRM user, so the chat talks to the service bot as a customer.</summary>
    public required bool Known { get; init; }
    public required string Name { get; init; }
    public required string Role { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<string> Examples { get; init; }
    /// <summary>Shows the 导入 (upload) button (导入线索): managers and admins, as the importer allows.</summary>
    public bool CanImport { get; init; }

    /// <summary>Said whenever a name is no CRM user, so a mistyped staff name is not silently a customer.</summary>
    public static string CustomerNotice(string name) => $"你现在以客户身份（访客 {name}）与客服机器人对话；如果你是员工，请检查用户名。";

    public static ChatGreeting For(string name, User? user) => user is null
        ? new()
        {
            User = name, Known = false, Name = name, Role = "客户",
            Text = CustomerNotice(name) + "\n可以问型号的库存、价格、交期和资料，例如：",
            Examples = ["STM32F103C8T6 有货吗？", "TPS54331DR 的交期和最小起订量", "推荐一款 3A 同步降压芯片"],
        }
        : new()
        {
            User = name, Known = true, Name = user.Name, Role = user.Role.Chinese(),
            Text = $"{user.Name}（{user.Role.Chinese()}），你好！我是众韩助手。可以直接打字发命令，发送“帮助”查看全部；先试试：",
            Examples = ExamplesFor(user.Role),
            CanImport = user.Role is Core.People.Role.Manager or Core.People.Role.GeneralManager or Core.People.Role.Admin,
        };

    /// <summary>Three commands each role uses most (each is a command that role may run).</summary>
    public static IReadOnlyList<string> ExamplesFor(Role role) => role switch
    {
        Core.People.Role.Rep => ["今日待办", "我的线索", "新建线索 苏州汇芯电子有限公司 王工 13900001234"],
        Core.People.Role.Manager or Core.People.Role.GeneralManager => ["日报", "漏斗", "待审批"],
        Core.People.Role.InquiryAssistant => ["查 STM32F103C8T6", "查 3A 同步降压", "我的提醒"],
        Core.People.Role.Purchasing => ["查 TPS54331DR", "定价 STM32F103C8T6 8.2 6周 2500", "帮助"],
        Core.People.Role.Admin => ["导入线索", "日报 华南销售部", "添加用户 chenba 陈八 销售 华东销售部"],
        _ => ["帮助"],
    };
}

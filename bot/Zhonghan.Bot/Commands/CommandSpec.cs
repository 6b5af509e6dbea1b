using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Commands;

/// <summary>Help sections, in the order help lists them.</summary>
public static class CommandGroups
{
    public const string Customers = "客户", Pool = "公海", Sales = "商机", Approvals = "审批", Reports = "报表", Reminders = "提醒",
        Products = "知识", Admin = "管理", Other = "其他";

    public static readonly string[] Order = [Customers, Pool, Sales, Approvals, Reports, Reminders, Products, Admin, Other];

    public static string English(string group) => group switch
    {
        Customers => "Customers", Pool => "Public pool", Sales => "Opportunities", Reminders => "Reminders", Products => "Products",
        Admin => "Admin", Approvals => "Approvals", Reports => "Reports", _ => "Other",
    };
}

/// <summary>
/// One line of the command table: the command's words (Chinese first, aliases, English words), who may use it, its
/// typed parameters, and its help. <see cref="Id"/> is stable and never shown: dialogs and function calling name the
/// command by it, so its words may change. <see cref="Serves"/> says which typed button or hint (the core's
/// <see cref="ActionKind"/>) it carries out.
/// </summary>
public sealed record CommandSpec(string Id, string Word)
{
    /// <summary>Other words for it: Chinese ones, and English ones (ASCII), the first English one shown in help.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>The English word usage shows, when it is not the first English alias.</summary>
    public string? EnglishWord { get; init; }
    public string Group { get; init; } = CommandGroups.Customers;
    public Who Who { get; init; } = Who.Everyone;
    public IReadOnlyList<Param> Params { get; init; } = [];
    public string Summary { get; init; } = "";
    public string SummaryEn { get; init; } = "";
    public string Example { get; init; } = "";
    /// <summary>What the README's cheat sheet says of it (English), when more needs saying than the summary.</summary>
    public string? Notes { get; init; }
    public ActionKind? Serves { get; init; }
    /// <summary>A step of a dialog (a rejection's comment): not in help, never matched by its word alone in a dialog.</summary>
    public bool Hidden { get; init; }

    public IEnumerable<string> EnglishAliases => Aliases.Where(IsAscii);

    public string English => EnglishWord ?? EnglishAliases.FirstOrDefault() ?? Id;

    /// <summary>新建线索 &lt;公司&gt; [联系人] [电话] — built from the parameters.</summary>
    public string Usage(bool english) =>
        (english ? English : Word) + string.Concat(Params.Where(p => !p.Hidden).Select(p => " " + p.Usage(english)));

    public Param? Param(string key) => Params.FirstOrDefault(p => p.Key == key);

    public static bool IsAscii(string s) => s.All(char.IsAscii);
}

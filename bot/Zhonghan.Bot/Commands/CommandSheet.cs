using System.Text;

namespace Zhonghan.Bot.Commands;

/// <summary>
/// The README's command cheat sheet, written from the command table: one table per help section, a row per command
/// (its Chinese and English usage, who may use it, what it does). A test keeps the README's copy equal to it.
/// </summary>
public static class CommandSheet
{
    public const string Begin = "<!-- commands: written from the command table (bot/Zhonghan.Bot/Commands/CommandList.cs); see docs/commands.md -->";
    public const string End = "<!-- /commands -->";

    private static readonly Dictionary<string, string> Intros = new()
    {
        [CommandGroups.Customers] = "Customers and follow-ups:",
        [CommandGroups.Pool] = "The public pool (公海):",
        [CommandGroups.Sales] = "Opportunities (商机), from need to payment — every hand-over is a message to the next person:",
        [CommandGroups.Approvals] = "Approvals (or the card's buttons):",
        [CommandGroups.Reports] = "Reports:",
        [CommandGroups.Reminders] = "Reminders:",
        [CommandGroups.Products] = "Products:",
        [CommandGroups.Admin] = "Administration:",
        [CommandGroups.Other] = "Any time:",
    };

    public static string Markdown(CommandCatalog catalog)
    {
        var sb = new StringBuilder(Begin).Append('\n');
        var groups = catalog.All.Select(e => e.Spec).Where(s => !s.Hidden)
            .GroupBy(s => s.Group).OrderBy(g => Array.IndexOf(CommandGroups.Order, g.Key));
        foreach (var group in groups)
        {
            sb.Append('\n').Append(Intros.GetValueOrDefault(group.Key, group.Key)).Append("\n\n");
            sb.Append("| 中文 | English | who | what |\n|---|---|---|---|\n");
            foreach (var c in group)
                sb.Append($"| `{Cell(c.Usage(false))}` | `{Cell(c.Usage(true))}` | {c.Who.En} | {Cell(c.Notes ?? c.SummaryEn)} |\n");
        }
        return sb.Append('\n').Append(End).ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|");
}

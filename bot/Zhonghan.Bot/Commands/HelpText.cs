using System.Text;
using Zhonghan.Core.People;

namespace Zhonghan.Bot.Commands;

/// <summary>The help text, from the command table: every command the user may use, by section, with an example.</summary>
public sealed class HelpText(CommandCatalog catalog)
{
    public string For(User user, bool english)
    {
        var sb = new StringBuilder(english
            ? "📖 Zhonghan assistant commands (<> required, [] optional; part of a company name is enough)\n"
            : "📖 众韩助手命令（<> 必填，[] 可选；公司名可只写一部分，如“汇川”）\n");
        var groups = catalog.All.Select(e => e.Spec).Where(s => !s.Hidden && s.Who.Allows(user))
            .GroupBy(s => s.Group).OrderBy(g => Array.IndexOf(CommandGroups.Order, g.Key) is var i && i < 0 ? 99 : i);
        foreach (var group in groups)
        {
            sb.Append('\n').Append(english ? CommandGroups.English(group.Key) : group.Key).Append('\n');
            foreach (var c in group)
            {
                if (english)
                    sb.Append($"• {c.Usage(true)} — {c.SummaryEn} ({c.Word})\n  e.g. {c.Example}\n");
                else
                    sb.Append($"• {c.Usage(false)} — {c.Summary}（{c.EnglishAliases.FirstOrDefault()}）\n  例：{c.Example}\n");
            }
        }
        sb.Append(english
            ? "\nDates: today, tomorrow, next wed, in 3 days, 12-05 14:00, 2026-12-05. Send \"cancel\" to stop a question."
            : "\n日期可以写：今天、明天、后天、下周三、3天后、12月5日、12-05 14:00、2026-12-05。任何时候发送“取消”可放弃当前操作。");
        return sb.ToString().Replace("（）", "");
    }
}

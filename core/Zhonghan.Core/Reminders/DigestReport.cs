using System.Text;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Reminders;

public sealed record RepDigest(User Rep, int Planned, int Completed, int Logged, int NewOpportunities, int Overdue, decimal OverdueReceivables)
{
    public double? Completion => Planned == 0 ? null : (double)Completed / Planned;
}

/// <summary>A department's daily (日报) or weekly (周报) digest: the numbers managers asked for, per rep where it matters.</summary>
public sealed class DigestReport
{
    public required Department Department { get; init; }
    public required bool Weekly { get; init; }
    public required DateTime From { get; init; }
    public required DateTime To { get; init; }
    public int NewLeads { get; init; }
    public List<RepDigest> Reps { get; init; } = new();
    public List<string> StageMovements { get; init; } = new();
    public List<string> OverdueFollowUps { get; init; } = new();
    public int OverdueFollowUpCount { get; init; }
    public List<string> QuotesPending { get; init; } = new();
    public List<string> SamplesOut { get; init; } = new();
    public decimal OverdueReceivables { get; init; }
    public IReadOnlyList<FunnelRow> Funnel { get; init; } = [];
    public PeriodOutcomes Outcomes { get; init; } = PeriodOutcomes.None;

    public string Title => $"{Department.Name}{(Weekly ? "周报" : "日报")} · {Period}";

    /// <summary>The day (2026-11-30（周一）) or the span (11-23 至 11-29) the digest covers.</summary>
    public string Period => Span();

    private string Span()
    {
        var from = DateOnly.FromDateTime(BusinessTime.ToLocal(From));
        var to = DateOnly.FromDateTime(BusinessTime.ToLocal(To)).AddDays(-1);
        return from == to ? $"{from:yyyy-MM-dd}（{BusinessTime.Weekday(from)}）" : $"{from:MM-dd} 至 {to:MM-dd}";
    }

    /// <summary>Markdown-flavoured text (WeCom group robots render it; other channels show it as is).</summary>
    public string ToText()
    {
        var sb = new StringBuilder($"**{Title}**\n");
        sb.Append($"新增线索：{NewLeads} 个\n");
        var planned = Reps.Sum(r => r.Planned);
        var done = Reps.Sum(r => r.Completed);
        sb.Append(planned == 0 && done == 0
            ? $"跟进计划完成情况：{(Weekly ? "本周无数据" : "今日无数据")}（没有到期的跟进计划）"
            : $"跟进计划完成情况：{done}/{planned}" + (planned == 0 ? "" : $"（{100.0 * done / planned:0}%）"));
        sb.Append($"，共记录跟进 {Reps.Sum(r => r.Logged)} 次\n");
        foreach (var r in Reps.OrderByDescending(r => r.Planned).ThenByDescending(r => r.Logged))
            sb.Append($"> {r.Rep.Name}：计划 {r.Planned}，完成 {r.Completed}，跟进 {r.Logged}，新商机 {r.NewOpportunities}，逾期 {r.Overdue}\n");
        sb.Append(Outcomes.ToLine()).Append('\n');
        foreach (var line in Outcomes.Lines().Take(10)) sb.Append($"> {line}\n");
        Section(sb, "阶段变化", StageMovements);
        sb.Append($"逾期未跟进：{OverdueFollowUpCount} 个\n");
        foreach (var line in OverdueFollowUps.Take(10)) sb.Append($"> {line}\n");
        Section(sb, "待审批报价", QuotesPending);
        Section(sb, "在外样品", SamplesOut);
        sb.Append($"逾期应收：{QuoteCards.Money(OverdueReceivables)}\n");
        return sb.ToString().TrimEnd();
    }

    private static void Section(StringBuilder sb, string title, List<string> lines)
    {
        sb.Append($"{title}：{lines.Count} 项\n");
        foreach (var line in lines.Take(10)) sb.Append($"> {line}\n");
        if (lines.Count > 10) sb.Append($"> …另有 {lines.Count - 10} 项\n");
    }
}

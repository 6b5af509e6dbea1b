using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Zhonghan.Knowledge.Documents;
using Zhonghan.Knowledge.Index;
using Zhonghan.Knowledge.Ingestion;

namespace Zhonghan.Benchmarks.Knowledge;

/// <summary>
/// Calibrates Knowledge:AnswerThreshold: questions the demo FAQ answers (with the page that answers them) and
/// questions it does not, asked against the FAQ plus the whole evaluation catalogue. For each threshold: how many
/// answerable questions get their page, how many unanswerable ones are declined.
/// </summary>
public static class Calibration
{
    private static readonly (string Q, string Page)[] Answerable =
    [
        ("怎么申请样品", "申样流程"), ("样品要钱吗", "申样流程"), ("样品多久能到", "申样流程"), ("个人可以申请样品吗", "申样流程"),
        ("申样需要审批吗", "申样流程"), ("交期一般多久", "交期说明"), ("没有现货怎么办", "交期说明"), ("可以分批交货吗", "交期说明"),
        ("现货多久发货", "交期说明"), ("紧缺物料能加急吗", "交期说明"), ("报价要多久", "报价流程"), ("怎么询价", "报价流程"),
        ("报价单有效期多久", "报价流程"), ("最小起订量是多少", "报价流程"), ("目录价格含运费吗", "报价流程"), ("你们有哪些产品线", "产品线介绍"),
        ("有没有国产替代", "产品线介绍"), ("英飞凌有什么产品", "产品线介绍"), ("你们的工作时间", "关于演示数据"), ("演示数据是真的吗", "关于演示数据"),
        ("how do I request samples", "申样流程"), ("are samples free", "申样流程"), ("how long does a quote take", "报价流程"),
        ("what is the MOQ", "报价流程"), ("can you deliver in batches", "交期说明"), ("which product lines do you carry", "产品线介绍"),
    ];

    private static readonly string[] Unanswerable =
    [
        "你们老板是谁", "明天上海天气怎么样", "能开增值税专用发票吗", "你们公司在哪里", "支持货到付款吗", "有没有招聘", "怎么注册账号",
        "退货政策是什么", "可以帮我设计电路板吗", "你们的税号是多少", "能寄到国外吗", "可以月结吗", "你们有微信公众号吗", "怎么开发票",
        "how do I return a part", "do you sell 3D printers", "what is your company address", "can I pay by credit card", "who is your CEO",
        "is there a loyalty program",
    ];

    public static async Task<string> RunAsync(KnowledgeIndex index, KnowledgeSearch search)
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "Knowledge", "Demo");
        new KnowledgeImporter(index, TimeProvider.System, NullLogger<KnowledgeImporter>.Instance).Import(demo, null, CancellationToken.None);
        var answerable = new List<(double Score, bool RightPage)>();
        foreach (var (q, page) in Answerable)
        {
            var top = (await search.SearchAsync(q, 10, CancellationToken.None)).Hits.FirstOrDefault(h => h.Match == MatchKind.Text);
            answerable.Add((top?.Score ?? 0, top is not null && top.Record.Source.StartsWith(page, StringComparison.Ordinal)));
        }
        var unanswerable = new List<double>();
        foreach (var q in Unanswerable)
            unanswerable.Add((await search.SearchAsync(q, 10, CancellationToken.None)).Hits.FirstOrDefault(h => h.Match == MatchKind.Text)?.Score ?? 0);

        var sb = new StringBuilder("\nAnswer-threshold calibration (demo FAQ + the 6,000-part catalogue; " +
            $"{Answerable.Length} answerable, {Unanswerable.Length} unanswerable questions, zh and en):\n\n");
        sb.AppendLine("| threshold | answerable → right page | answerable → wrong page | answerable declined | unanswerable declined | decisions right |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|");
        for (var t = 0.3; t <= 0.91; t += 0.05)
        {
            var right = answerable.Count(a => a.Score >= t && a.RightPage);
            var wrong = answerable.Count(a => a.Score >= t && !a.RightPage);
            var declined = answerable.Count(a => a.Score < t);
            var rejected = unanswerable.Count(s => s < t);
            sb.AppendLine($"| {t:F2} | {right} | {wrong} | {declined} | {rejected}/{unanswerable.Count} | " +
                          $"{(double)(right + rejected) / (answerable.Count + unanswerable.Count):F3} |");
        }
        sb.AppendLine("\nScores (top word hit's confidence; ✗ = wrong page):\n");
        sb.AppendLine("- answerable: " + string.Join(", ", Answerable.Zip(answerable, (a, r) => $"{a.Q} {r.Score:F2}{(r.RightPage ? "" : "✗")}")));
        sb.AppendLine("- unanswerable: " + string.Join(", ", Unanswerable.Zip(unanswerable, (q, s) => $"{q} {s:F2}")));
        return sb.ToString();
    }
}

namespace Zhonghan.Testing;

/// <summary>
/// Conversations every channel must carry the same way. Each channel's tests send these lines as 张三 (zhangsan,
/// demo user 1) from Monday 2026-11-30 09:30 and check that each reply contains the expected pieces.
/// </summary>
public static class SharedScripts
{
    public sealed record Step(string Text, params string[] Expect);

    /// <summary>Lead → follow-up → customer card → 商机 → part → 询报价.</summary>
    public static readonly IReadOnlyList<Step> LeadToOpportunity =
    [
        new("新建线索 宁波舜宇光电信息有限公司 陈工 13900001111", "✅ 已新建线索：宁波舜宇光电信息有限公司", "陈工 13900001111"),
        new("跟进 舜宇 拜访陈工，确认摄像头模组用量 下次 明天", "✅ 已记录跟进：宁波舜宇光电信息有限公司（拜访）", "下次跟进：2026-12-01（周二）"),
        new("客户 舜宇", "宁波舜宇光电信息有限公司", "拜访陈工，确认摄像头模组用量"),
        new("新建商机 舜宇 车载摄像头模组 50万", "✅ 已新建商机", "「车载摄像头模组」，阶段 需求挖掘"),
        new("添加物料 车载摄像头 OV50H 20万 12.5", "✅ 已添加物料：OV50H 年用量 200,000 目标价 ¥12.5"),
        new("推进 车载摄像头 询报价", "已推进到 询报价"),
    ];

    /// <summary>Runs a script through <paramref name="say"/>; returns what went wrong (empty = the script passed).</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<Step> script, Func<string, Task<string>> say)
    {
        var problems = new List<string>();
        foreach (var step in script)
        {
            var reply = await say(step.Text);
            foreach (var expected in step.Expect.Where(e => !reply.Contains(e, StringComparison.Ordinal)))
                problems.Add($"“{step.Text}” → expected “{expected}” in: {reply}");
        }
        return problems;
    }
}

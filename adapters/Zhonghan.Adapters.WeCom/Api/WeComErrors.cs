namespace Zhonghan.Adapters.WeCom.Api;

/// <summary>What WeCom's errcodes mean (from the global error-code page), so every failure in the log says why.</summary>
public static class WeComErrors
{
    public const int SystemBusy = -1;
    public const int InvalidToken = 40014;
    public const int TokenExpired = 42001;
    public const int RateLimited = 45009;
    public const int ConcurrencyLimited = 45033;

    private static readonly Dictionary<int, string> Meanings = new()
    {
        [-1] = "系统繁忙，稍后重试",
        [0] = "成功",
        [40001] = "不合法的 secret 参数（检查 WeCom:Secret）",
        [40003] = "无效的 UserID",
        [40013] = "不合法的 CorpID（检查 WeCom:CorpId）",
        [40014] = "不合法的 access_token",
        [40056] = "不合法的 agentid（检查 WeCom:AgentId）",
        [40091] = "secret 不合法",
        [41001] = "缺少 access_token 参数",
        [42001] = "access_token 已过期",
        [44004] = "文本消息内容为空",
        [45002] = "消息内容过长",
        [45009] = "接口调用超过频率限制",
        [45033] = "接口并发调用超过限制",
        [48002] = "API 接口无权限调用",
        [60011] = "无权限访问该成员（检查应用可见范围）",
        [60020] = "不安全的访问 IP（把服务器出口 IP 加入应用的企业可信 IP）",
        [60140] = "response_code 无效（已使用或超过 72 小时）",
        [81013] = "UserID、部门ID、标签ID 全部非法或无权限",
        [95001] = "发送给该客户的消息数已达上限，需等客户回复",
        [95004] = "open_kfid 不存在",
        [95007] = "不合法的 msgtoken（kf 同步令牌）",
        [95011] = "已在企业微信使用微信客服，需通过 API 管理",
        [95013] = "会话已结束",
        [95014] = "接待人员不存在或不在接待列表",
        [95016] = "不允许这种会话状态变更",
        [95018] = "会话状态不允许发送消息",
    };

    public static string Describe(int errcode) =>
        Meanings.TryGetValue(errcode, out var m) ? m : "未收录的错误码（见企业微信全局错误码说明）";

    /// <summary>Worth trying again later: the message is kept, not dropped.</summary>
    public static bool IsTransient(int errcode) => errcode is SystemBusy or RateLimited or ConcurrencyLimited;
}

/// <summary>A WeCom call that failed: a non-zero errcode, or (with <see cref="HttpStatus"/>) a transport failure.</summary>
public sealed class WeComApiException(string api, int errcode, string? errmsg, int? httpStatus = null, Exception? inner = null)
    : Exception($"WeCom {api} failed: {(httpStatus is int s ? $"HTTP {s}" : $"errcode {errcode} {WeComErrors.Describe(errcode)}")} ({errmsg})", inner)
{
    public string Api { get; } = api;
    public int Errcode { get; } = errcode;
    public int? HttpStatus { get; } = httpStatus;

    /// <summary>Network errors, 5xx after the handler's retries, busy or rate limits: keep the message and retry later.</summary>
    public bool IsTransient => HttpStatus is not null || WeComErrors.IsTransient(Errcode);
}

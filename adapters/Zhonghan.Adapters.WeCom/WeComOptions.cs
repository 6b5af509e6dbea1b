using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Zhonghan.Adapters.WeCom;

/// <summary>
/// The "WeCom" settings section (env <c>WeCom__Xxx</c>). The channel is on only when <see cref="CorpId"/> is set;
/// then everything a self-built app needs is validated at start.
/// </summary>
public sealed class WeComOptions
{
    public const string Section = "WeCom";
    public const string OfficialApiBaseUrl = "https://qyapi.weixin.qq.com";

    /// <summary>企业ID; also the receiveid every callback must carry.</summary>
    public string CorpId { get; set; } = "";
    /// <summary>The self-built app's AgentId.</summary>
    public int AgentId { get; set; }
    /// <summary>The app's Secret (for gettoken).</summary>
    public string Secret { get; set; } = "";
    /// <summary>The callback Token (letters and digits, at most 32).</summary>
    public string Token { get; set; } = "";
    /// <summary>The callback EncodingAESKey (43 letters and digits).</summary>
    public string EncodingAESKey { get; set; } = "";
    public string ApiBaseUrl { get; set; } = OfficialApiBaseUrl;

    /// <summary>The 微信客服 secret, when it differs from <see cref="Secret"/> (empty = use the app's).</summary>
    public string? KfSecret { get; set; }
    /// <summary>Where a notice card (text_notice) leads when tapped; WeCom requires one. Empty = notices go as text.</summary>
    public string? NoticeUrl { get; set; }

    /// <summary>How long a callback waits for the turn before answering an empty 200 (WeCom gives up at 5 s).</summary>
    public TimeSpan ReplyBudget { get; set; } = TimeSpan.FromSeconds(3);
    /// <summary>Callbacks whose timestamp is further from our clock than this are refused (replays). Zero = no check.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Messages per member per minute we allow ourselves (WeCom drops silently above 30).</summary>
    public int MemberMessagesPerMinute { get; set; } = 25;
    /// <summary>Messages per member per hour we allow ourselves (WeCom drops silently above 1000 per app and member).</summary>
    public int MemberMessagesPerHour { get; set; } = 900;
    /// <summary>Most messages waiting for one member besides the live answer; beyond it the oldest are dropped (logged).</summary>
    public int MaxBacklogPerMember { get; set; } = 100;
    /// <summary>First delay between retries of a failed HTTP call (network error, 5xx); doubles each time.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    public int MaxRetries { get; set; } = 3;
    /// <summary>Largest callback body accepted (WeCom's are a few KB).</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CorpId);
}

/// <summary>Checks the settings at start, naming every bad one in Chinese so the operator sees what to fix.</summary>
public sealed partial class WeComOptionsValidator : IValidateOptions<WeComOptions>
{
    public ValidateOptionsResult Validate(string? name, WeComOptions o)
    {
        if (!o.IsConfigured) return ValidateOptionsResult.Skip;
        var errors = new List<string>();
        if (o.AgentId <= 0) errors.Add("WeCom:AgentId 必须是应用的 AgentId（正整数）。");
        if (string.IsNullOrWhiteSpace(o.Secret)) errors.Add("WeCom:Secret 未设置（应用详情页的 Secret）。");
        if (!TokenPattern().IsMatch(o.Token)) errors.Add("WeCom:Token 必须是 1–32 位英文字母或数字（接收消息服务器配置里的 Token）。");
        if (!KeyPattern().IsMatch(o.EncodingAESKey)) errors.Add("WeCom:EncodingAESKey 必须是 43 位英文字母或数字。");
        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
            errors.Add("WeCom:ApiBaseUrl 必须是 http(s) 地址。");
        if (o.NoticeUrl is { Length: > 0 } u && !Uri.TryCreate(u, UriKind.Absolute, out _))
            errors.Add("WeCom:NoticeUrl 必须是完整的网址。");
        if (o.ReplyBudget <= TimeSpan.Zero || o.ReplyBudget >= TimeSpan.FromSeconds(5))
            errors.Add("WeCom:ReplyBudget 必须大于 0 且小于 5 秒（企业微信 5 秒内收不到回复就会重试）。");
        if (o.MemberMessagesPerMinute is < 1 or > 30) errors.Add("WeCom:MemberMessagesPerMinute 必须在 1–30 之间。");
        if (o.MemberMessagesPerHour is < 1 or > 1000) errors.Add("WeCom:MemberMessagesPerHour 必须在 1–1000 之间。");
        if (o.MaxBacklogPerMember < 1) errors.Add("WeCom:MaxBacklogPerMember 至少为 1。");
        if (o.MaxRetries is < 0 or > 10) errors.Add("WeCom:MaxRetries 必须在 0–10 之间。");
        if (o.RetryDelay < TimeSpan.Zero || o.TimestampTolerance < TimeSpan.Zero) errors.Add("WeCom 的时间设置不能为负数。");
        if (o.MaxBodyBytes < 1024) errors.Add("WeCom:MaxBodyBytes 至少 1024。");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9]{43}$")]
    private static partial Regex KeyPattern();
}

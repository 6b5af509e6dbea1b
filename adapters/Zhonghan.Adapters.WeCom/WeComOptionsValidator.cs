using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Zhonghan.Adapters.WeCom;

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

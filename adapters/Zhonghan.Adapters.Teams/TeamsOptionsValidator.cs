using Microsoft.Extensions.Options;

namespace Zhonghan.Adapters.Teams;

/// <summary>Checked at start (ValidateOnStart): a half-configured channel fails loudly instead of failing every message.</summary>
public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions o)
    {
        var errors = new List<string>();
        if (o.HasAppId && string.IsNullOrWhiteSpace(o.AppPassword))
            errors.Add("Teams:AppPassword 未设置：设置了 Teams:AppId 时必须同时设置客户端密码（否则机器人无法回复）。");
        if (!Endpoint(o.OpenIdMetadataUrl))
            errors.Add("Teams:OpenIdMetadataUrl 必须是 https 地址（仅本机地址可用 http）。");
        if (!string.IsNullOrWhiteSpace(o.TokenEndpoint) && !Endpoint(o.TokenEndpoint))
            errors.Add("Teams:TokenEndpoint 必须是 https 地址（仅本机地址可用 http）。");
        if (!Endpoint(o.DefaultServiceUrl))
            errors.Add("Teams:DefaultServiceUrl 必须是 https 地址（仅本机地址可用 http）。");
        foreach (var host in o.AllowedServiceUrlHosts)
            if (string.IsNullOrWhiteSpace(host) || host.Contains('/') || host.Contains('*'))
                errors.Add($"Teams:AllowedServiceUrlHosts 中的“{host}”无效：只写主机名（可带端口），例如 smba.trafficmanager.net。");
        if (o.MaxRetries is < 0 or > 10) errors.Add("Teams:MaxRetries 必须在 0 到 10 之间。");
        if (o.RetryBaseDelay < TimeSpan.Zero || o.AckBudget <= TimeSpan.Zero) errors.Add("Teams:RetryBaseDelay / AckBudget 不能为负。");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>An absolute https URL, or http on a loopback host (tests, emulator).</summary>
    internal static bool Endpoint(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u)
        && (u.Scheme == Uri.UriSchemeHttps || (u.Scheme == Uri.UriSchemeHttp && u.IsLoopback));
}

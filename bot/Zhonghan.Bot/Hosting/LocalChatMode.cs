namespace Zhonghan.Bot.Hosting;

/// <summary>
/// Whether the local chat is on, decided once at start: on when every address the bot listens on is loopback;
/// otherwise only when LocalChat:Enabled=true and a key is set, and then every request must carry the key.
/// </summary>
public sealed class LocalChatMode
{
    public bool Enabled { get; }
    public string? RequiredKey { get; }
    public string Description { get; }

    public LocalChatMode(string urls, LocalChatOptions options)
    {
        var loopback = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(IsLoopback);
        if (loopback)
        {
            Enabled = true;
            Description = "本地聊天已开启（仅本机访问，信任请求中的用户名，仅供试用和测试）";
        }
        else if (options.Enabled && !string.IsNullOrWhiteSpace(options.Key))
        {
            Enabled = true;
            RequiredKey = options.Key;
            Description = "本地聊天已开启（非本机地址，每个请求必须带 LocalChat:Key）";
        }
        else
        {
            Description = options.Enabled
                ? "本地聊天已关闭：监听非本机地址时必须同时设置 LocalChat:Key"
                : "本地聊天已关闭（监听非本机地址；如需开启请设置 LocalChat:Enabled=true 和 LocalChat:Key）";
        }
    }

    public bool Accepts(string? key) =>
        Enabled && (RequiredKey is null || (key is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(key), System.Text.Encoding.UTF8.GetBytes(RequiredKey))));

    private static bool IsLoopback(string url)
    {
        var hostStart = url.IndexOf("://", StringComparison.Ordinal);
        var host = hostStart < 0 ? url : url[(hostStart + 3)..];
        var end = host.StartsWith('[') ? host.IndexOf(']') + 1 : host.IndexOfAny([':', '/']);
        if (end > 0) host = host[..end];
        return host is "localhost" or "127.0.0.1" or "[::1]" || host.StartsWith("127.", StringComparison.Ordinal);
    }
}

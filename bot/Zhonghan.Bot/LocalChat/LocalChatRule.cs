using System.Net;

namespace Zhonghan.Bot.LocalChat;

/// <summary>What the local chat decided at start: on or off, whether every request needs the key, and why.</summary>
public sealed record LocalChatDecision(bool Enabled, bool KeyRequired, string Description);

/// <summary>
/// The local chat rule, as pure functions. The chat trusts the user name it is given, so it is open without a key only
/// when every address the server really bound is loopback; otherwise only with LocalChat:Enabled=true and a key.
/// </summary>
public static class LocalChatRule
{
    /// <param name="boundAddresses">What the server reported after it started (IServerAddressesFeature).</param>
    /// <param name="inMemoryServer">The in-process test server: no socket at all, nothing reachable from a network.</param>
    public static LocalChatDecision Decide(IReadOnlyCollection<string> boundAddresses, bool inMemoryServer, LocalChatOptions options)
    {
        var keyed = options.Enabled && !string.IsNullOrWhiteSpace(options.Key);
        if (inMemoryServer)
            return new(true, keyed, "本地聊天已开启（进程内测试服务器，没有网络地址）/ local chat on (in-process test server, no network address)");
        var listed = string.Join(", ", boundAddresses);
        if (boundAddresses.Count > 0 && boundAddresses.All(IsLoopback))
            return new(true, keyed, $"本地聊天已开启：只监听本机地址 {listed}（信任请求中的用户名，仅供试用和测试）/ local chat on: loopback only");
        var why = boundAddresses.Count == 0 ? "没有得到监听地址" : $"监听了非本机地址 {listed}";
        if (keyed)
            return new(true, true, $"本地聊天已开启：{why}，每个请求必须带 LocalChat:Key / local chat on with a key: not loopback only");
        return new(false, false, options.Enabled
            ? $"本地聊天已关闭：{why}，LocalChat:Enabled=true 还需要设置 LocalChat:Key / local chat off: a key is required off loopback"
            : $"本地聊天已关闭：{why}；如需开启请设置 LocalChat:Enabled=true 和 LocalChat:Key / local chat off: not loopback only");
    }

    /// <summary>
    /// True for an address whose host is a loopback IP, or the literal <c>localhost</c> (Kestrel reports it only when it
    /// bound the loopback addresses and nothing else). Any other host name — <c>127.0.0.1.nip.io</c> — is not an address.
    /// </summary>
    public static bool IsLoopback(string address)
    {
        Microsoft.AspNetCore.Http.BindingAddress parsed;
        try { parsed = Microsoft.AspNetCore.Http.BindingAddress.Parse(address); }
        catch (FormatException) { return false; }
        if (parsed.IsUnixPipe) return false;
        var host = parsed.Host.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var ip) && IsLoopback(ip);
    }

    public static bool IsLoopback(IPAddress? ip) =>
        ip is not null && IPAddress.IsLoopback(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip);
}

namespace Zhonghan.Adapters.WeCom;

/// <summary>A callback that is refused before it is decrypted (bad query, stale timestamp, oversized body).</summary>
public sealed class CallbackRefusedException(int status, string reason) : Exception(reason)
{
    public int Status { get; } = status;
}

/// <summary>
/// The callback's query, decoded exactly once with <see cref="Uri.UnescapeDataString(string)"/>: ASP.NET's form
/// decoding turns '+' into a space, which would break an echostr that arrives with a raw '+'.
/// </summary>
public sealed class CallbackQuery
{
    private const int MaxValueLength = 4096;
    private readonly Dictionary<string, string> values;

    private CallbackQuery(Dictionary<string, string> values) => this.values = values;

    public string Signature => Required("msg_signature");
    public string Timestamp => Required("timestamp");
    public string Nonce => Required("nonce");

    public static CallbackQuery Parse(string? raw)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (raw ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            values.TryAdd(key, value);
        }
        return new CallbackQuery(values);
    }

    public string Required(string name) =>
        values.TryGetValue(name, out var v) && v.Length is > 0 and <= MaxValueLength
            ? v
            : throw new CallbackRefusedException(400, $"query parameter {name} missing or too long");
}

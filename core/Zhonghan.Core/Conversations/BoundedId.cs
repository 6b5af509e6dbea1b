using System.Security.Cryptography;
using System.Text;

namespace Zhonghan.Core.Conversations;

/// <summary>
/// Ids that come from outside (a channel's message id, a client's id) become storage keys, and LiteDB refuses an
/// index key over ~1 KB. Where such an id enters, it is bounded: up to <see cref="MaxBytes"/> UTF-8 bytes it stays as
/// it is; longer, it becomes a short prefix plus its SHA-256, still unique and the same for a resend. Idempotent.
/// </summary>
public static class BoundedId
{
    public const int MaxBytes = 200;
    private const int PrefixBytes = 64;

    public static string Of(string id)
    {
        if (Encoding.UTF8.GetByteCount(id) <= MaxBytes) return id;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        return Prefix(id) + "#sha256:" + hash;
    }

    /// <summary>The longest start of <paramref name="id"/> within <see cref="PrefixBytes"/> bytes, never half a character.</summary>
    private static string Prefix(string id)
    {
        var bytes = 0;
        var end = 0;
        foreach (var rune in id.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > PrefixBytes) break;
            bytes += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }
        return id[..end];
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Zhonghan.Core.Conversations;

/// <summary>
/// Message ids as keys. Channels send ids of any length (a hostile caller, a few thousand characters); a key stays
/// short: ids over <see cref="MaxLength"/> characters keep a prefix and a SHA-256 of the whole.
/// </summary>
public static class MessageIds
{
    public const int MaxLength = 200;

    /// <summary>Channels retry within minutes; a message's record (and a channel's note of how it answered) is kept three days.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(3);

    public static string Key(string channel, string messageId)
    {
        var id = $"{channel}:{messageId}";
        if (id.Length <= MaxLength) return id;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        return $"{id[..64]}#{hash}";
    }
}

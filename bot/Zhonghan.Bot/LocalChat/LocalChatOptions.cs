namespace Zhonghan.Bot.LocalChat;

/// <summary>The "LocalChat" settings section: the trusting local channel (web page, /api/chat, terminal).</summary>
public sealed class LocalChatOptions
{
    public const string Section = "LocalChat";
    /// <summary>Forces the local channel on when the bot listens beyond loopback (then <see cref="Key"/> is required).</summary>
    public bool Enabled { get; set; }
    /// <summary>Shared key every request must carry (header X-LocalChat-Key or ?key=) when not on loopback.</summary>
    public string? Key { get; set; }
}

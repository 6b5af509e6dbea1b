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

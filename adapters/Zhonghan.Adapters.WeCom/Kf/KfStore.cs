using Zhonghan.Adapters.WeCom.Storage;
using Zhonghan.Core.Storage;

namespace Zhonghan.Adapters.WeCom.Kf;

/// <summary>
/// 微信客服 state that must survive restarts: the sync cursor per account (so no message is fetched twice or
/// skipped), the ids of replies already sent (so a crash between pipeline and send does not double them), and the
/// customers' nicknames (asked of WeCom once).
/// </summary>
public sealed class KfStore(IChannelState state, TimeProvider clock)
{
    private const string Cursors = "wecom_kf_cursors", Names = "wecom_kf_names";
    private readonly SeenIds sent = new(state, "wecom_kf_sent", clock);

    public string? Cursor(string openKfId) => state.Get<KfCursor>(Cursors, openKfId)?.Cursor;

    public void SaveCursor(string openKfId, string cursor) =>
        state.Put(Cursors, openKfId, new KfCursor { Cursor = cursor }, clock.GetUtcNow().UtcDateTime);

    /// <summary>The customer's WeChat nickname, once WeCom told it.</summary>
    public string? Nickname(string externalUserId) => state.Get<KfName>(Names, externalUserId)?.Name;

    public void SaveNickname(string externalUserId, string name) =>
        state.Put(Names, externalUserId, new KfName { Name = name }, clock.GetUtcNow().UtcDateTime);

    public bool WasSent(string msgId) => sent.Contains(msgId);

    public void MarkSent(string msgId) => sent.Add(msgId);

    /// <summary>Forgets sent ids older than <paramref name="age"/> (WeCom's sync horizon is 3 days).</summary>
    public int Purge(TimeSpan age) => sent.Purge(age);

    public sealed class KfCursor
    {
        public string Cursor { get; set; } = "";
    }

    public sealed class KfName
    {
        public string Name { get; set; } = "";
    }
}

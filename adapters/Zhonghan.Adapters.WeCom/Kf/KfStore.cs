using Zhonghan.Adapters.WeCom.Storage;
using Zhonghan.Core.Storage;

namespace Zhonghan.Adapters.WeCom.Kf;

/// <summary>
/// 微信客服 state that must survive restarts: the sync cursor per account (so no message is fetched twice or
/// skipped) and the ids of replies already sent (so a crash between pipeline and send does not double them).
/// </summary>
public sealed class KfStore(IChannelState state, TimeProvider clock)
{
    private const string Cursors = "wecom_kf_cursors";
    private readonly SeenIds sent = new(state, "wecom_kf_sent", clock);

    public string? Cursor(string openKfId) => state.Get<KfCursor>(Cursors, openKfId)?.Cursor;

    public void SaveCursor(string openKfId, string cursor) =>
        state.Put(Cursors, openKfId, new KfCursor { Cursor = cursor }, clock.GetUtcNow().UtcDateTime);

    public bool WasSent(string msgId) => sent.Contains(msgId);

    public void MarkSent(string msgId) => sent.Add(msgId);

    /// <summary>Forgets sent ids older than <paramref name="age"/> (WeCom's sync horizon is 3 days).</summary>
    public int Purge(TimeSpan age) => sent.Purge(age);

    public sealed class KfCursor
    {
        public string Cursor { get; set; } = "";
    }
}

using LiteDB;
using Zhonghan.Adapters.WeCom.Storage;
using Zhonghan.Core.Storage;

namespace Zhonghan.Adapters.WeCom.Kf;

/// <summary>
/// 微信客服 state that must survive restarts: the sync cursor per account (so no message is fetched twice or
/// skipped) and the ids of replies already sent (so a crash between pipeline and send does not double them).
/// </summary>
public sealed class KfStore
{
    private readonly ILiteCollection<KfCursor> cursors;
    private readonly SeenIds sent;
    private readonly TimeProvider clock;

    public KfStore(CrmDb db, TimeProvider clock)
    {
        this.clock = clock;
        cursors = db.Collection<KfCursor>("wecom_kf_cursors");
        sent = new SeenIds(db, "wecom_kf_sent", clock);
    }

    public string? Cursor(string openKfId) => cursors.FindById(openKfId)?.Cursor;

    public void SaveCursor(string openKfId, string cursor) =>
        cursors.Upsert(new KfCursor { Id = openKfId, Cursor = cursor, UpdatedAt = clock.GetUtcNow().UtcDateTime });

    public bool WasSent(string msgId) => sent.Contains(msgId);

    public void MarkSent(string msgId) => sent.Add(msgId);

    /// <summary>Forgets sent ids older than WeCom's 3-day sync horizon.</summary>
    public int Purge() => sent.Purge(TimeSpan.FromDays(4));

    public sealed class KfCursor
    {
        public string Id { get; set; } = "";
        public string Cursor { get; set; } = "";
        public DateTime UpdatedAt { get; set; }
    }
}

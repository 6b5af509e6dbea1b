using LiteDB;
using Zhonghan.Core.Storage;

namespace Zhonghan.Adapters.WeCom.Kf;

/// <summary>
/// 微信客服 state that must survive restarts: the sync cursor per account (so no message is fetched twice or
/// skipped) and the ids of replies already sent (so a crash between pipeline and send does not double them).
/// </summary>
public sealed class KfStore
{
    private readonly ILiteCollection<KfCursor> cursors;
    private readonly ILiteCollection<KfSent> sent;
    private readonly TimeProvider clock;

    public KfStore(CrmDb db, TimeProvider clock)
    {
        this.clock = clock;
        cursors = db.Collection<KfCursor>("wecom_kf_cursors");
        sent = db.Collection<KfSent>("wecom_kf_sent");
        sent.EnsureIndex(x => x.At);
    }

    public string? Cursor(string openKfId) => cursors.FindById(openKfId)?.Cursor;

    public void SaveCursor(string openKfId, string cursor) =>
        cursors.Upsert(new KfCursor { Id = openKfId, Cursor = cursor, UpdatedAt = clock.GetUtcNow().UtcDateTime });

    public bool WasSent(string msgId) => sent.FindById(msgId) is not null;

    public void MarkSent(string msgId) => sent.Upsert(new KfSent { Id = msgId, At = clock.GetUtcNow().UtcDateTime });

    /// <summary>Forgets sent ids older than WeCom's 3-day sync horizon.</summary>
    public int Purge() => sent.DeleteMany(Q.Lt(nameof(KfSent.At), clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(4)));

    public sealed class KfCursor
    {
        public string Id { get; set; } = "";
        public string Cursor { get; set; } = "";
        public DateTime UpdatedAt { get; set; }
    }

    public sealed class KfSent
    {
        public string Id { get; set; } = "";
        public DateTime At { get; set; }
    }
}

using LiteDB;
using Zhonghan.Core.Storage;

namespace Zhonghan.Adapters.WeCom.Storage;

/// <summary>
/// A persisted set of ids with the time each was added (messages already sent, replies already delivered), so a
/// repeat after a retry or a restart is recognised; old ids are purged once no retry can come that late.
/// </summary>
public sealed class SeenIds
{
    private readonly ILiteCollection<Entry> entries;
    private readonly TimeProvider clock;

    public SeenIds(CrmDb db, string collection, TimeProvider clock)
    {
        this.clock = clock;
        entries = db.Collection<Entry>(collection);
        entries.EnsureIndex(x => x.At);
    }

    public bool Contains(string? id) => id is not null && entries.FindById(id) is not null;

    public void Add(string id) => entries.Upsert(new Entry { Id = id, At = clock.GetUtcNow().UtcDateTime });

    public int Purge(TimeSpan olderThan) => entries.DeleteMany(Q.Lt(nameof(Entry.At), clock.GetUtcNow().UtcDateTime - olderThan));

    public sealed class Entry
    {
        public string Id { get; set; } = "";
        public DateTime At { get; set; }
    }
}

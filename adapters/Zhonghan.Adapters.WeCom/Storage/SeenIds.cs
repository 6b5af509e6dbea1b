using Zhonghan.Core.Storage;

namespace Zhonghan.Adapters.WeCom.Storage;

/// <summary>
/// A persisted set of ids with the time each was added (messages already sent, replies already delivered), so a
/// repeat after a retry or a restart is recognised; old ids are purged once no retry can come that late.
/// </summary>
public sealed class SeenIds(IChannelState state, string bucket, TimeProvider clock)
{
    public bool Contains(string? id) => id is not null && state.Contains(bucket, id);

    public void Add(string id) => state.Put(bucket, id, "", clock.GetUtcNow().UtcDateTime);

    public int Purge(TimeSpan olderThan) => state.Purge(bucket, clock.GetUtcNow().UtcDateTime - olderThan);
}

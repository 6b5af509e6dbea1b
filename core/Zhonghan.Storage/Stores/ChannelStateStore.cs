using System.Text.Json;
using Zhonghan.Core.Storage;
using Zhonghan.Storage.Documents;
using static Zhonghan.Storage.Documents.Keys;
using S = Zhonghan.Storage.Schema.ConversationSets;

namespace Zhonghan.Storage.Stores;

internal sealed class ChannelStateStore(Documents.Documents docs) : IChannelState
{
    /// <summary>Web defaults (names matched case-insensitively) with enums by name, as the LiteDB layout stored them.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public T? Get<T>(string bucket, string key) where T : class =>
        docs.Get(S.ChannelState, Id(bucket, key)) is { } r ? Read<T>(r) : null;

    public void Put<T>(string bucket, string key, T value, DateTime at) where T : class =>
        docs.Upsert(S.ChannelState, new ChannelRecord { Id = Id(bucket, key), Bucket = bucket, Key = key, Json = JsonSerializer.Serialize(value, Json), At = at });

    public void Remove(string bucket, string key) => docs.Delete(S.ChannelState, Id(bucket, key));

    public bool Contains(string bucket, string key) => docs.Get(S.ChannelState, Id(bucket, key)) is not null;

    public IReadOnlyList<(string Key, T Value)> WithPrefix<T>(string bucket, string prefix, int limit = int.MaxValue) where T : class =>
        docs.Range(S.ChannelState, S.ChannelState["Key"], KeyRange.StartsWith(Id(bucket, prefix)), 0, limit).Select(r => (r.Key, Read<T>(r))).ToList();

    public IReadOnlyList<(string Key, T Value)> Until<T>(string bucket, DateTime at, int limit = int.MaxValue) where T : class =>
        docs.Range(S.ChannelState, S.ChannelState["Time"], new KeyRange(Join(bucket, ""), Join(bucket, Time(at))), 0, limit)
            .Select(r => (r.Key, Read<T>(r))).ToList();

    public long Count(string bucket) => docs.Count(S.ChannelState, S.ChannelState["Time"], Prefix(bucket));

    public int Purge(string bucket, DateTime before) =>
        docs.DeleteRange(S.ChannelState, S.ChannelState["Time"], new KeyRange(Join(bucket, ""), Join(bucket, Time(before.AddTicks(-1)))));

    private static string Id(string bucket, string key) => Join(bucket, key);

    private static T Read<T>(ChannelRecord r) => JsonSerializer.Deserialize<T>(r.Json, Json)!;
}

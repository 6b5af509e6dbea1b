using System.Text.Json.Nodes;
using LiteDB;
using Zhonghan.Storage.Documents;

namespace Zhonghan.Storage.LiteDb;

/// <summary>
/// Upgrades a data file written before the store boundary, once, at start: a copy of the file is kept beside it,
/// then every document is read as its entity and written back with its version and index keys, and the channels'
/// old collections become records of the channel state.
/// </summary>
internal sealed class Migration(LiteDbEngine engine, Action<string> progress)
{
    private const int Batch = 5_000;

    /// <summary>Old per-channel collections → the bucket they become (key = the old id unless said otherwise).</summary>
    private static readonly string[] ChannelCollections =
    [
        "teams_personal", "teams_tenants", "teams_service_urls", "teams_sent", "wecom_kf_cursors", "wecom_kf_sent",
        "wecom_sent_keys", "wecom_api_deliveries", "wecom_welcomed", "wecom_outbox", "local_outbox", "kb_sessions",
    ];

    public void Run(IReadOnlyList<DocSet> sets)
    {
        var db = engine.Database;
        if (engine.FilePath is { } path)
        {
            db.Checkpoint();
            var copy = $"{path}.before-upgrade-{TimeProvider.System.GetUtcNow():yyyyMMddHHmmss}.bak";
            File.Copy(path, copy);
            progress($"升级数据文件前已备份：{copy}");
        }
        foreach (var set in sets) Rewrite(set);
        var state = sets.FirstOrDefault(s => s.Name == "channel_state");
        if (state is not null)
            foreach (var name in ChannelCollections.Where(n => db.CollectionExists(n))) MoveToChannelState(name, state);
        engine.ResetIds();
        progress("数据文件升级完成");
    }

    /// <summary>Reads each document as its entity and writes it back with <c>_v</c> and <c>_k</c> (old key fields drop out).</summary>
    private void Rewrite(DocSet set)
    {
        var db = engine.Database;
        if (!db.CollectionExists(set.Name)) return;
        var col = engine.Col(set);
        var total = col.LongCount();
        var done = 0L;
        foreach (var chunk in col.FindAll().Select(d => d["_id"]).ToList().Chunk(Batch))
        {
            db.BeginTrans();
            foreach (var id in chunk)
            {
                var old = col.FindById(id);
                var entity = engine.ToStored(set, old).Doc;
                var doc = (BsonDocument)engine.Prepare(set, entity).Payload;
                doc[LiteDbEngine.VersionField] = 1L;
                col.Update(doc);
            }
            db.Commit();
            done += chunk.Length;
            if (total > Batch) progress($"升级数据文件：{set.Name} {done:N0}/{total:N0}");
        }
    }

    private void MoveToChannelState(string name, DocSet state)
    {
        var db = engine.Database;
        var old = db.GetCollection(name);
        var target = engine.Col(state);
        db.BeginTrans();
        foreach (var doc in old.FindAll())
        {
            var id = doc["_id"].AsString;
            var key = name switch
            {
                "wecom_outbox" => $"{doc["User"].AsString}|{id}",
                "local_outbox" => $"{doc["User"].AsString}|{doc["At"].AsDateTime.Ticks:D19}-{id}",
                _ => id,
            };
            var at = doc.TryGetValue("NextAttemptAt", out var next) && next.IsDateTime ? next.AsDateTime
                : FirstTime(doc) ?? TimeProvider.System.GetUtcNow().UtcDateTime;
            var record = new BsonDocument
            {
                ["_id"] = $"{name}|{key}", ["Bucket"] = name, ["Key"] = key, ["Json"] = ToJson(doc)!.ToJsonString(), ["At"] = at,
            };
            var prepared = (BsonDocument)engine.Prepare(state, engine.ToStored(state, record).Doc).Payload;
            prepared[LiteDbEngine.VersionField] = 1L;
            target.Upsert(prepared);
        }
        db.Commit();
        db.DropCollection(name);
        progress($"升级数据文件：{name} → 通道状态");
    }

    private static DateTime? FirstTime(BsonDocument doc) =>
        doc.Values.Where(v => v.IsDateTime).Select(v => (DateTime?)v.AsDateTime).FirstOrDefault();

    /// <summary>BSON as the JSON the channels read back (PascalCase names are matched case-insensitively; _id → Id).</summary>
    private static JsonNode? ToJson(BsonValue value) => value.Type switch
    {
        BsonType.Document => new JsonObject(value.AsDocument.Select(kv => KeyValuePair.Create(kv.Key == "_id" ? "Id" : kv.Key, ToJson(kv.Value)))),
        BsonType.Array => new JsonArray(value.AsArray.Select(ToJson).ToArray()),
        BsonType.DateTime => JsonValue.Create(DateTime.SpecifyKind(value.AsDateTime, DateTimeKind.Utc)),
        BsonType.Null or BsonType.MinValue or BsonType.MaxValue => null,
        BsonType.Boolean => JsonValue.Create(value.AsBoolean),
        BsonType.Int32 => JsonValue.Create(value.AsInt32),
        BsonType.Int64 => JsonValue.Create(value.AsInt64),
        BsonType.Double => JsonValue.Create(value.AsDouble),
        BsonType.Decimal => JsonValue.Create(value.AsDecimal),
        BsonType.Binary => JsonValue.Create(Convert.ToBase64String(value.AsBinary)),
        _ => JsonValue.Create(value.AsString),
    };
}

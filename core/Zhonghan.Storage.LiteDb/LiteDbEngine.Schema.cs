using LiteDB;
using Zhonghan.Storage.Documents;

namespace Zhonghan.Storage.LiteDb;

public sealed partial class LiteDbEngine
{
    /// <summary>Where the engine keeps its own facts (the layout version of the file).</summary>
    private const string MetaCollection = "_meta";
    /// <summary>2 = documents carry <c>_v</c> and <c>_k</c>; 1 (no marker) = the layout before the store boundary.</summary>
    internal const int Layout = 2;

    /// <summary>Progress of a migration, for the start-up log ("升级数据文件：customers 40,000/1,000,000").</summary>
    public Action<string>? Progress { get; set; }

    public void EnsureSchema(IReadOnlyList<DocSet> sets)
    {
        var meta = db.GetCollection(MetaCollection);
        var layout = meta.FindById("layout")?["v"].AsInt32 ?? 1;
        if (layout < Layout && HasData())
            new Migration(this, Progress ?? (_ => { })).Run(sets);
        foreach (var set in sets)
        {
            Warm(set);
            var col = Col(set);
            DropForeignIndexes(set);
            // Uniqueness is checked by the committer (the one writer), so documents without the key (null) may be many.
            foreach (var index in set.Indexes)
                col.EnsureIndex(index.Name, Expression(index), unique: false);
        }
        if (layout < Layout) meta.Upsert(new BsonDocument { ["_id"] = "layout", ["v"] = Layout });
    }

    internal static string Expression(IndexDef index) => index.Multi ? $"$.{KeysField}.{index.Name}[*]" : $"$.{KeysField}.{index.Name}";

    private bool HasData() => db.GetCollectionNames().Any(n => n != MetaCollection && db.GetCollection(n).Query().Limit(1).ToDocuments().Any());

    /// <summary>Drops indexes this layout does not declare (those of an older layout, or with another expression).</summary>
    private void DropForeignIndexes(DocSet set)
    {
        var declared = set.Indexes.ToDictionary(i => i.Name, Expression);
        foreach (var index in db.GetCollection("$indexes").Find(BsonExpression.Create("$.collection = @0", set.Name)).ToList())
        {
            var name = index["name"].AsString;
            if (name == "_id") continue;
            if (!declared.TryGetValue(name, out var expression) || index["expression"].AsString != expression) Col(set).DropIndex(name);
        }
    }
}

using LiteDB;
using Zhonghan.Storage.Documents;
using Zhonghan.Storage.LiteDb;
using Zhonghan.Storage.Schema;

namespace Zhonghan.Storage.Tests;

/// <summary>Every declared index is a LiteDB index, and a range over it is an index seek, not a scan.</summary>
public sealed class LiteDbPlanTests
{
    public static TheoryData<string, string> Indexes()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in Sets.All)
            foreach (var index in set.Indexes) data.Add(set.Name, index.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void EveryStoreQueryIsAnIndexSeek(string collection, string indexName)
    {
        using var stream = new MemoryStream();
        using var store = new DocumentStore(LiteDbEngine.OpenStream(stream));
        var set = Sets.All.Single(s => s.Name == collection);
        var index = set.Index(indexName);
        var engine = (LiteDbEngine)store.Engine;
        var range = index.Multi ? KeyRange.Exactly("x") : Keys.Prefix("x");
        var plan = engine.Col(set).Query().Where(LiteDbEngine.Where(index, range)).GetPlan();
        Assert.Equal(indexName, plan["index"]["name"].AsString);
        Assert.DoesNotContain("FULL INDEX SCAN", plan["index"]["expr"].AsString);
    }
}

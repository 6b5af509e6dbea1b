using Zhonghan.Storage.Documents;

namespace Zhonghan.Storage.Tests;

/// <summary>
/// What every document engine must do (LiteDB now, PostgreSQL later): ranges and their order, paging, multikey and
/// unique keys, versions, and write sets applied whole or not at all within a shared batch.
/// </summary>
public abstract class DocumentEngineContract : IDisposable
{
    protected abstract IDocumentEngine Open();
    private IDocumentEngine? engine;
    protected IDocumentEngine Engine => engine ??= Prepared(Open());

    private static IDocumentEngine Prepared(IDocumentEngine e)
    {
        e.EnsureSchema([Thing.Set, Note.Set]);
        return e;
    }

    protected static readonly DateTime T0 = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);

    protected Thing Insert(string name, int owner = 1, int minutes = 0, string? code = null, params string[] tags)
    {
        var t = new Thing { Id = (int)Engine.NextId(Thing.Set), Name = name, Owner = owner, At = T0.AddMinutes(minutes), Code = code, Tags = tags.ToList() };
        var outcome = Commit(Op(WriteKind.Insert, t));
        Assert.True(outcome.Status == WriteStatus.Committed, outcome.Reason);
        return t;
    }

    protected WriteOp Op(WriteKind kind, Thing t, long expected = 0) =>
        new(kind, Thing.Set, t.Id, kind == WriteKind.Delete ? null : Engine.Prepare(Thing.Set, t), expected);

    protected WriteOutcome Commit(params WriteOp[] ops) => Engine.Apply([new WriteSet(ops, "test")])[0];

    [EngineFact]
    public void AnInsertedDocumentReadsBackWithVersionOne()
    {
        var t = Insert("电阻", tags: ["a"]);
        var stored = Engine.Get(Thing.Set, t.Id)!.Value;
        Assert.Equal(1, stored.Version);
        var back = (Thing)stored.Doc;
        Assert.Equal("电阻", back.Name);
        Assert.Equal(T0, back.At);
        Assert.Equal(DateTimeKind.Utc, back.At.Kind);
        Assert.Equal(["a"], back.Tags);
    }

    [EngineFact]
    public void RangesComeInKeyOrderBothWaysWithPaging()
    {
        for (var i = 0; i < 10; i++) Insert($"n{i}", owner: i % 2 == 0 ? 1 : 2, minutes: 10 - i);
        var owner1 = Keys.Prefix(Keys.Int(1));
        var asc = Engine.Range(Thing.Set, Thing.Set["OwnerAt"], owner1, 0, 100).Select(s => ((Thing)s.Doc).Name).ToList();
        Assert.Equal(["n8", "n6", "n4", "n2", "n0"], asc);
        var desc = Engine.Range(Thing.Set, Thing.Set["OwnerAt"], owner1.Reversed(), 0, 100).Select(s => ((Thing)s.Doc).Name).ToList();
        Assert.Equal(["n0", "n2", "n4", "n6", "n8"], desc);
        var page2 = Engine.Range(Thing.Set, Thing.Set["OwnerAt"], owner1, 2, 2).Select(s => ((Thing)s.Doc).Name).ToList();
        Assert.Equal(["n4", "n2"], page2);
        Assert.Equal(5, Engine.Count(Thing.Set, Thing.Set["OwnerAt"], owner1));
        Assert.Equal(asc.Count, Engine.Keys(Thing.Set, Thing.Set["OwnerAt"], owner1, 100).Count);
    }

    [EngineFact]
    public void RangeBoundsAreInclusiveAndPrefixesDoNotLeak()
    {
        Insert("ab");
        Insert("abc");
        Insert("abd");
        Insert("ac");
        var names = Engine.Range(Thing.Set, Thing.Set["Name"], KeyRange.StartsWith("ab"), 0, 10).Select(s => ((Thing)s.Doc).Name);
        Assert.Equal(["ab", "abc", "abd"], names);
        var between = Engine.Range(Thing.Set, Thing.Set["Name"], new KeyRange("abc", "ac"), 0, 10).Select(s => ((Thing)s.Doc).Name);
        Assert.Equal(["abc", "abd", "ac"], between);
        Assert.Single(Engine.Range(Thing.Set, Thing.Set["Name"], KeyRange.Exactly("ab"), 0, 10));
    }

    [EngineFact]
    public void AMultikeyIndexFindsADocumentByAnyOfItsKeys()
    {
        var t = Insert("x", tags: ["13800138000", "021-5555"]);
        Insert("y", tags: ["13900000000"]);
        Assert.Equal(t.Id, ((Thing)Engine.Range(Thing.Set, Thing.Set["Tag"], KeyRange.Exactly("021-5555"), 0, 5).Single().Doc).Id);
        Assert.Equal(2, Engine.WithKeys(Thing.Set, Thing.Set["Tag"], ["13800138000", "13900000000", "none"]).Count);
    }

    [EngineFact]
    public void AStaleUpdateIsAConflictAndChangesNothing()
    {
        var t = Insert("v1");
        t.Name = "v2";
        Assert.Equal(WriteStatus.Committed, Commit(Op(WriteKind.Update, t, expected: 1)).Status);
        t.Name = "v3";
        var outcome = Commit(Op(WriteKind.Update, t, expected: 1));
        Assert.Equal(WriteStatus.Conflict, outcome.Status);
        var stored = Engine.Get(Thing.Set, t.Id)!.Value;
        Assert.Equal("v2", ((Thing)stored.Doc).Name);
        Assert.Equal(2, stored.Version);
    }

    [EngineFact]
    public void AWriteSetLandsWholeOrNotAtAll()
    {
        var existing = Insert("exists");
        var fresh = new Thing { Id = (int)Engine.NextId(Thing.Set), Name = "fresh" };
        var again = new Thing { Id = existing.Id, Name = "dup" };
        var outcome = Commit(Op(WriteKind.Insert, fresh), Op(WriteKind.Insert, again));
        Assert.Equal(WriteStatus.Conflict, outcome.Status);
        Assert.Null(Engine.Get(Thing.Set, fresh.Id));
        Assert.Equal("exists", ((Thing)Engine.Get(Thing.Set, existing.Id)!.Value.Doc).Name);
    }

    [EngineFact]
    public void AUniqueKeyCannotBeTakenTwice()
    {
        Insert("a", code: "Q1");
        var b = new Thing { Id = (int)Engine.NextId(Thing.Set), Name = "b", Code = "Q1" };
        Assert.Equal(WriteStatus.Conflict, Commit(Op(WriteKind.Insert, b)).Status);
        b.Code = "Q2";
        Assert.Equal(WriteStatus.Committed, Commit(Op(WriteKind.Insert, b)).Status);
        b.Code = "Q1";
        Assert.Equal(WriteStatus.Conflict, Commit(Op(WriteKind.Update, b, expected: 1)).Status);
    }

    [EngineFact]
    public void SetsInOneBatchSeeEarlierSetsAndAConflictSkipsOnlyItsOwnSet()
    {
        var a = new Thing { Id = (int)Engine.NextId(Thing.Set), Name = "a" };
        var b = new Thing { Id = (int)Engine.NextId(Thing.Set), Name = "b" };
        var batch = new[]
        {
            new WriteSet([Op(WriteKind.Insert, a)], "1"),
            new WriteSet([Op(WriteKind.Insert, new Thing { Id = a.Id, Name = "a again" })], "2"),
            new WriteSet([Op(WriteKind.Insert, b)], "3"),
        };
        var outcomes = Engine.Apply(batch);
        Assert.Equal([WriteStatus.Committed, WriteStatus.Conflict, WriteStatus.Committed], outcomes.Select(o => o.Status));
        Assert.Equal("a", ((Thing)Engine.Get(Thing.Set, a.Id)!.Value.Doc).Name);
        Assert.NotNull(Engine.Get(Thing.Set, b.Id));
    }

    [EngineFact]
    public void ASetThatFailsIsRolledBackAndTheOthersOfItsBatchStillLand()
    {
        var good1 = new Thing { Id = (int)Engine.NextId(Thing.Set), Name = "g1" };
        var good2 = new Thing { Id = (int)Engine.NextId(Thing.Set), Name = "g2" };
        var broken = new WriteOp(WriteKind.Insert, Thing.Set, 999_999, new PreparedDoc(999_999, "not a document", []), 0);
        var outcomes = Engine.Apply([new WriteSet([Op(WriteKind.Insert, good1)], "1"), new WriteSet([broken], "2"), new WriteSet([Op(WriteKind.Insert, good2)], "3")]);
        Assert.Equal([WriteStatus.Committed, WriteStatus.Failed, WriteStatus.Committed], outcomes.Select(o => o.Status));
        Assert.NotNull(Engine.Get(Thing.Set, good1.Id));
        Assert.NotNull(Engine.Get(Thing.Set, good2.Id));
        Assert.Null(Engine.Get(Thing.Set, 999_999));
    }

    [EngineFact]
    public void DeletesAndRangeDeletesRemoveDocumentsAndTheirKeys()
    {
        var a = Insert("a", minutes: 1);
        Insert("b", minutes: 2);
        Insert("c", minutes: 3);
        Assert.Equal(WriteStatus.Committed, Commit(Op(WriteKind.Delete, a, expected: 1)).Status);
        Assert.Null(Engine.Get(Thing.Set, a.Id));
        Assert.Empty(Engine.Range(Thing.Set, Thing.Set["Name"], KeyRange.Exactly("a"), 0, 5));
        var removed = Engine.DeleteRange(Thing.Set, Thing.Set["OwnerAt"], new KeyRange(Keys.Join(Keys.Int(1), ""), Keys.Join(Keys.Int(1), Keys.Time(T0.AddMinutes(2)))));
        Assert.Equal(1, removed);
        Assert.Equal(["c"], Engine.All(Thing.Set).Select(s => ((Thing)s.Doc).Name));
    }

    [EngineFact]
    public void StringIdsAndUpsertsWork()
    {
        var n = new Note { Id = "k|1", Text = "one" };
        Assert.Equal(WriteStatus.Committed, Engine.Apply([new WriteSet([new WriteOp(WriteKind.Upsert, Note.Set, n.Id, Engine.Prepare(Note.Set, n), 0)], "u")])[0].Status);
        n.Text = "two";
        Engine.Apply([new WriteSet([new WriteOp(WriteKind.Upsert, Note.Set, n.Id, Engine.Prepare(Note.Set, n), 0)], "u")]);
        var stored = Engine.Get(Note.Set, "k|1")!.Value;
        Assert.Equal("two", ((Note)stored.Doc).Text);
        Assert.Equal(2, stored.Version);
    }

    [EngineFact]
    public void IdsAreHandedOutOnceEvenWhenAskedConcurrently()
    {
        _ = Engine;
        var ids = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 1000, _ => ids.Add(Engine.NextId(Thing.Set)));
        Assert.Equal(1000, ids.Distinct().Count());
    }

    [EngineFact]
    public void TheCheckOfAHealthyStoreFindsNothing()
    {
        Insert("a", tags: ["x"]);
        Assert.Empty(Engine.Check());
    }

    public virtual void Dispose()
    {
        engine?.Dispose();
        GC.SuppressFinalize(this);
    }
}

using Npgsql;
using Zhonghan.Storage.Documents;
using Zhonghan.Storage.PostgreSql;
using Zhonghan.Testing.Postgres;

namespace Zhonghan.Storage.Tests;

/// <summary>The engine contract on PostgreSQL, each test class on a fresh database; plus what only a shared store must do.</summary>
[NeedsPostgres]
public sealed class PostgreSqlEngineTests : DocumentEngineContract
{
    private PgTestDatabase? db;
    private PgTestDatabase Db => db ??= new PgTestDatabase();

    protected override IDocumentEngine Open() => new PostgreSqlEngine(Db.ConnectionString);

    private PostgreSqlEngine Second()
    {
        var e = new PostgreSqlEngine(Db.ConnectionString);
        e.EnsureSchema([Thing.Set, Note.Set]);
        return e;
    }

    [EngineFact]
    public void APrefixRangeTakesNamesEndingInCharactersBeyondTheBasicPlane()
    {
        Insert("众韩😀");
        Insert("众韩\uffef");
        Insert("众韩");
        Insert("众韩𠀀科技");
        Insert("众鑫");
        var names = Engine.Range(Thing.Set, Thing.Set["Name"], KeyRange.StartsWith("众韩"), 0, 10).Select(s => ((Thing)s.Doc).Name).ToList();
        Assert.Equal(4, names.Count);
        Assert.Contains("众韩😀", names);
        Assert.Contains("众韩𠀀科技", names);
        Assert.Equal(4, Engine.Count(Thing.Set, Thing.Set["Name"], KeyRange.StartsWith("众韩")));
    }

    [EngineFact]
    public void TwoInstancesNeverHandOutTheSameId()
    {
        using var other = Second();
        var ids = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 400, i => ids.Add((i % 2 == 0 ? Engine : other).NextId(Thing.Set)));
        Assert.Equal(400, ids.Distinct().Count());
    }

    [EngineFact]
    public void AStaleUpdateFromAnotherInstanceIsAConflict()
    {
        var t = Insert("v1");
        using var other = Second();
        t.Name = "from B";
        Assert.Equal(WriteStatus.Committed, other.Apply([new WriteSet([new WriteOp(WriteKind.Update, Thing.Set, t.Id, other.Prepare(Thing.Set, t), 1)], "b")])[0].Status);
        t.Name = "from A";
        Assert.Equal(WriteStatus.Conflict, Commit(Op(WriteKind.Update, t, expected: 1)).Status);
        Assert.Equal("from B", ((Thing)Engine.Get(Thing.Set, t.Id)!.Value.Doc).Name);
    }

    [EngineFact]
    public void AClaimedDocumentGoesToOneOwnerUntilItsLeaseLapses()
    {
        for (var i = 0; i < 6; i++) Insert($"d{i}", minutes: i);
        using var other = Second();
        var all = Keys.Prefix(Keys.Int(1));
        var a = Engine.Claim(Thing.Set, Thing.Set["OwnerAt"], all, 4, "A", TimeSpan.FromMinutes(5));
        var b = other.Claim(Thing.Set, Thing.Set["OwnerAt"], all, 10, "B", TimeSpan.FromMinutes(5));
        Assert.Equal(["d0", "d1", "d2", "d3"], a.Select(s => ((Thing)s.Doc).Name));
        Assert.Equal(["d4", "d5"], b.Select(s => ((Thing)s.Doc).Name));
        Assert.Equal(4, Engine.Claim(Thing.Set, Thing.Set["OwnerAt"], all, 10, "A", TimeSpan.Zero).Count); // its own again, lease now over
        Assert.Equal(4, other.Claim(Thing.Set, Thing.Set["OwnerAt"], all, 10, "B", TimeSpan.FromMinutes(5)).Count - 2);
    }

    [EngineFact]
    public void AClaimDoesNotMakeTheOwnersSaveAConflict()
    {
        var t = Insert("x");
        var claimed = (Thing)Engine.Claim(Thing.Set, Thing.Set["OwnerAt"], Keys.Prefix(Keys.Int(1)), 1, "A", TimeSpan.FromMinutes(1)).Single().Doc;
        claimed.Name = "sent";
        Assert.Equal(WriteStatus.Committed, Commit(Op(WriteKind.Update, claimed, expected: 1)).Status);
        Assert.Equal(2, Engine.Get(Thing.Set, t.Id)!.Value.Version);
    }

    [EngineFact]
    public void BulkInsertCopiesDocumentsWithTheirKeysAndTheSequenceFollows()
    {
        _ = Engine;
        Engine.BulkInsert(Thing.Set, Enumerable.Range(0, 12_000).Select(i => (object)new Thing { Name = $"b{i:D5}", Owner = 3, Tags = [$"t{i}"] }));
        Assert.Equal(12_000, Engine.Count(Thing.Set, Thing.Set["OwnerAt"], Keys.Prefix(Keys.Int(3))));
        Assert.Single(Engine.WithKeys(Thing.Set, Thing.Set["Tag"], ["t11999"]));
        Assert.True(Engine.NextId(Thing.Set) > 12_000);
    }

    [EngineFact]
    public void ASchemaWrittenByANewerVersionIsRefusedWithOneLine()
    {
        _ = Engine;
        using (var c = new NpgsqlConnection(Db.ConnectionString))
        {
            c.Open();
            using var cmd = new NpgsqlCommand("INSERT INTO zhonghan_schema (version, layout, note) VALUES (99, 'x', 'future')", c);
            cmd.ExecuteNonQuery();
        }
        using var later = new PostgreSqlEngine(Db.ConnectionString);
        var e = Assert.Throws<StoreSchemaException>(() => later.EnsureSchema([Thing.Set, Note.Set]));
        Assert.Contains("第 99 版", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [EngineFact]
    public void ANewIndexIsAddedAndFilledAtTheNextStart()
    {
        Insert("old", code: "C7");
        var withIndex = new DocSet<Thing>("things", IdKind.Int32, t => t.Id, (t, id) => t.Id = (int)id,
            [.. Thing.Set.Indexes.Cast<IndexDef<Thing>>(), IndexDef<Thing>.On("Upper", t => t.Name.ToUpperInvariant())]);
        using var next = new PostgreSqlEngine(Db.ConnectionString);
        next.EnsureSchema([withIndex, Note.Set]);
        Assert.Equal("old", ((Thing)next.Range(withIndex, withIndex["Upper"], KeyRange.Exactly("OLD"), 0, 5).Single().Doc).Name);
        Assert.Empty(next.Check());
    }

    public override void Dispose()
    {
        base.Dispose();
        db?.Dispose();
    }
}

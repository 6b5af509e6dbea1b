using Zhonghan.Core.Storage;
using Zhonghan.Storage.Documents;
using Zhonghan.Storage.LiteDb;

namespace Zhonghan.Storage.Tests;

public sealed class UnitOfWorkTests : IDisposable
{
    private readonly MemoryStream stream = new();
    private readonly DocumentStore store;
    private Documents.Documents Docs => store.Documents;

    public UnitOfWorkTests()
    {
        var engine = LiteDbEngine.OpenStream(stream);
        engine.EnsureSchema([Thing.Set]);
        store = new DocumentStore(engine);
    }

    private Thing New(string name) => new() { Name = name, At = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) };

    [Fact]
    public async Task AUnitSeesItsOwnWritesAndOthersSeeThemOnlyAfterTheCommit()
    {
        using var unit = store.Units.Begin();
        var t = New("a");
        Docs.Insert(Thing.Set, t);
        Assert.Same(t, Docs.Get(Thing.Set, t.Id));
        Task<Thing?> read;
        using (ExecutionContext.SuppressFlow()) read = Task.Run(() => Docs.Get(Thing.Set, t.Id));
        var outside = await read;
        Assert.Null(outside);
        await unit.CommitAsync(CancellationToken.None);
        Assert.Equal("a", store.Engine.Get(Thing.Set, t.Id)?.Doc is Thing s ? s.Name : null);
    }

    [Fact]
    public void AUnitDisposedWithoutCommitLeavesNothing()
    {
        int id;
        using (store.Units.Begin())
        {
            var t = New("gone");
            Docs.Insert(Thing.Set, t);
            id = t.Id;
        }
        Assert.Null(store.Engine.Get(Thing.Set, id));
    }

    [Fact]
    public async Task TwoUnitsChangingTheSameDocumentCannotBothWin()
    {
        var t = New("v1");
        Docs.Insert(Thing.Set, t); // outside a unit: commits at once
        var first = store.Units.Begin();
        var mine = Docs.Get(Thing.Set, t.Id)!;
        Task<Thing> other;
        using (ExecutionContext.SuppressFlow()) other = Task.Run(async () =>
        {
            using var unit = store.Units.Begin();
            var theirs = Docs.Get(Thing.Set, t.Id)!;
            theirs.Name = "theirs";
            Docs.Update(Thing.Set, theirs);
            await unit.CommitAsync(CancellationToken.None);
            return theirs;
        });
        await other;
        mine.Name = "mine";
        Docs.Update(Thing.Set, mine);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => first.CommitAsync(CancellationToken.None));
        first.Dispose();
        Assert.Equal("theirs", ((Thing)store.Engine.Get(Thing.Set, t.Id)!.Value.Doc).Name);
    }

    [Fact]
    public async Task ANestedUnitCommitsWithItsOuterUnit()
    {
        using var outer = store.Units.Begin();
        var t = New("nested");
        using (var inner = store.Units.Begin())
        {
            Assert.True(inner.IsNested);
            Docs.Insert(Thing.Set, t);
            await inner.CommitAsync(CancellationToken.None);
        }
        Assert.Null(store.Engine.Get(Thing.Set, t.Id));
        await outer.CommitAsync(CancellationToken.None);
        Assert.NotNull(store.Engine.Get(Thing.Set, t.Id));
    }

    [Fact]
    public async Task AfterCommitActionsRunOnlyWhenTheUnitCommitted()
    {
        var ran = new List<string>();
        using (var discarded = store.Units.Begin())
        {
            discarded.AfterCommit(() => ran.Add("discarded"));
            Docs.Insert(Thing.Set, New("x"));
        }
        using (var committed = store.Units.Begin())
        {
            committed.AfterCommit(() => ran.Add("committed"));
            Docs.Insert(Thing.Set, New("y"));
            await committed.CommitAsync(CancellationToken.None);
        }
        Assert.Equal(["committed"], ran);
    }

    [Fact]
    public async Task UnitsThatCommitTogetherShareCommits()
    {
        var before = store.CommitStats;
        var tasks = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            using var unit = store.Units.Begin();
            Docs.Insert(Thing.Set, New($"t{i}"));
            await unit.CommitAsync(CancellationToken.None);
        })).ToArray();
        await Task.WhenAll(tasks);
        var after = store.CommitStats;
        Assert.Equal(200, after.Units - before.Units);
        Assert.True(after.Batches - before.Batches < 200, $"{after.Batches - before.Batches} batches for 200 units");
        Assert.Equal(200, store.Engine.All(Thing.Set).Count());
    }

    [Fact]
    public async Task DiscardingChangesKeepsTheUnitOpenForNewOnes()
    {
        using var unit = store.Units.Begin();
        var dropped = New("dropped");
        Docs.Insert(Thing.Set, dropped);
        unit.DiscardChanges();
        var kept = New("kept");
        Docs.Insert(Thing.Set, kept);
        await unit.CommitAsync(CancellationToken.None);
        Assert.Null(store.Engine.Get(Thing.Set, dropped.Id));
        Assert.NotNull(store.Engine.Get(Thing.Set, kept.Id));
    }

    [Fact]
    public async Task RunAsyncRunsTheWorkAgainAfterAConflict()
    {
        var t = New("counter");
        Docs.Insert(Thing.Set, t);
        var attempts = 0;
        await store.Units.RunAsync(() =>
        {
            attempts++;
            var mine = Docs.Get(Thing.Set, t.Id)!;
            if (attempts == 1)
            {
                // Someone else changes it between our read and our commit.
                using (ExecutionContext.SuppressFlow()) Task.Run(() => { var x = Docs.Get(Thing.Set, t.Id)!; x.Owner = 7; Docs.Update(Thing.Set, x); }).Wait();
            }
            mine.Name = "renamed";
            Docs.Update(Thing.Set, mine);
        }, CancellationToken.None);
        Assert.Equal(2, attempts);
        var stored = (Thing)store.Engine.Get(Thing.Set, t.Id)!.Value.Doc;
        Assert.Equal(("renamed", 7), (stored.Name, stored.Owner));
    }

    public void Dispose() => store.Dispose();
}

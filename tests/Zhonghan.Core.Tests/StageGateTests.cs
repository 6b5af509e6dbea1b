using Zhonghan.Core.Sales;

namespace Zhonghan.Core.Tests;

public class StageGateTests
{
    public static TheoryData<Stage, string, GateNeed> Matrix => new()
    {
        // target, what the opportunity has, the first need
        { Stage.Quote, "", GateNeed.Parts },
        { Stage.Quote, "parts", GateNeed.None },
        { Stage.Sample, "parts", GateNeed.ApprovedQuote },
        { Stage.Sample, "parts,quote", GateNeed.None },
        { Stage.Testing, "parts,quote", GateNeed.ShippedSample },
        { Stage.Testing, "parts,quote,requested", GateNeed.ShippedSample },
        { Stage.Testing, "parts,quote,shipped", GateNeed.None },
        { Stage.Order, "parts,quote,shipped", GateNeed.PassedTest },
        { Stage.Order, "parts,quote,shipped,failed", GateNeed.PassedTest },
        { Stage.Order, "parts,quote,shipped,passed", GateNeed.None },
        { Stage.Order, "", GateNeed.Parts },
        { Stage.Testing, "parts", GateNeed.ApprovedQuote },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void EachStageNeedsWhatItsGateNames(Stage target, string has, GateNeed need)
    {
        using var s = new Sales();
        var o = Build(s, has);
        Assert.Equal(need, s.Gates.Check(o, target).Need);
    }

    [Theory]
    [InlineData(Stage.Quote)]
    [InlineData(Stage.Sample)]
    [InlineData(Stage.Testing)]
    [InlineData(Stage.Order)]
    public void GatesCanBeSwitchedOff(Stage target)
    {
        using var s = new Sales(new SalesOptions
        {
            Gates = new() { QuoteNeedsParts = false, SampleNeedsApprovedQuote = false, TestingNeedsShippedSample = false, OrderNeedsPassedTest = false },
        });
        var o = s.Opportunity();
        Assert.True(s.Gates.Check(o, target).Open);
        Assert.Equal(target, s.Opportunities.Advance(s.Alice, o.Id, target).Stage);
    }

    [Fact]
    public void AClosedGateThrowsWithTheNeedAndChangesNothing()
    {
        using var s = new Sales();
        var o = s.Opportunity();
        var e = Assert.Throws<GateClosedException>(() => s.Opportunities.Advance(s.Alice, o.Id, Stage.Sample));
        Assert.Equal(GateNeed.Parts, e.Gate.Need);
        Assert.Equal(Stage.Discovery, s.Opportunities.Get(o.Id)!.Stage);
    }

    [Fact]
    public void TheHistoryRecordsEveryMoveWithItsTime()
    {
        using var s = new Sales();
        var o = s.Opportunity();
        s.Opportunities.AddPart(s.Alice, o.Id, new OpportunityPart { Mpn = "STM32F103C8T6", AnnualQuantity = 1000 });
        s.Crm.Clock.Advance(TimeSpan.FromDays(2));
        s.Opportunities.Advance(s.Alice, o.Id, Stage.Quote);
        s.Opportunities.Lose(s.Alice, o.Id, "客户项目取消");
        var h = s.Opportunities.Get(o.Id)!.History;
        Assert.Equal([(Stage.Discovery, Stage.Quote), (Stage.Quote, Stage.Lost)], h.Select(x => (x.From, x.To)));
        Assert.Equal(s.Crm.Clock.GetUtcNow().UtcDateTime, h[0].At, TimeSpan.FromSeconds(1));
        Assert.Equal("客户项目取消", s.Opportunities.Get(o.Id)!.LostReason);
    }

    private static Opportunity Build(Sales s, string has)
    {
        var o = s.Opportunity();
        var h = has.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        if (h.Contains("parts")) s.Opportunities.AddPart(s.Alice, o.Id, new OpportunityPart { Mpn = "STM32F103C8T6", AnnualQuantity = 1000 });
        if (h.Contains("quote")) s.Db.Add(new Quote { OpportunityId = o.Id, Status = QuoteStatus.Approved, Version = 1 });
        if (h.Contains("requested")) s.Db.Add(new SampleRequest { OpportunityId = o.Id, Status = SampleStatus.Requested, Mpn = "X" });
        if (h.Contains("shipped")) s.Db.Add(new SampleRequest { OpportunityId = o.Id, Status = SampleStatus.Shipped, Mpn = "X" });
        o = s.Opportunities.Get(o.Id)!;
        if (h.Contains("failed")) o.Tests.Add(new TestResult { Passed = false, Feedback = "温升超标" });
        if (h.Contains("passed")) o.Tests.Add(new TestResult { Passed = true, Feedback = "正常" });
        return o;
    }
}

public class FunnelTests
{
    [Fact]
    public void TheFunnelCountsFollowEveryChangeIncludingAReassignment()
    {
        using var s = new Sales();
        var o = s.Opportunity("甲电子有限公司", "项目甲");
        s.Opportunities.AddPart(s.Alice, o.Id, new OpportunityPart { Mpn = "STM32F103C8T6", AnnualQuantity = 1000, TargetPrice = 5 });
        s.Opportunities.Advance(s.Alice, o.Id, Stage.Quote);
        var east = new FunnelService(s.Db).ForDepartment(s.Crm.Alice.DepartmentId);
        Assert.Equal((1, 5000m), (east[1].Count, east[1].Amount));
        Assert.Equal(0, east[0].Count);

        var moved = s.Opportunities.Get(o.Id)!;
        moved.OwnerId = s.Crm.Carol.Id;
        moved.DepartmentId = s.Crm.Carol.DepartmentId;
        s.Db.Save(moved);

        Assert.All(new FunnelService(s.Db).ForDepartment(s.Crm.Alice.DepartmentId), r => Assert.Equal((0, 0m, 0), (r.Count, r.Amount, r.Reached)));
        Assert.All(new FunnelService(s.Db).ForOwner(s.Crm.Alice.Id), r => Assert.Equal(0, r.Reached));
        var south = new FunnelService(s.Db).ForDepartment(s.Crm.Carol.DepartmentId);
        Assert.Equal((1, 5000m, 1), (south[1].Count, south[1].Amount, south[1].Reached));
        Assert.Equal(south, new FunnelService(s.Db).ForOwner(s.Crm.Carol.Id));
        Assert.Equal(south, new FunnelService(s.Db).ForCompany());
    }

    [Fact]
    public void AStoreWithOpportunitiesButNoCountsRebuildsThemWhenItOpens()
    {
        using var stream = new MemoryStream();
        int department;
        using (var s = new Sales(stream: stream))
        {
            var o = s.Opportunity("甲电子有限公司", "项目甲");
            s.Opportunities.AddPart(s.Alice, o.Id, new OpportunityPart { Mpn = "STM32F103C8T6", AnnualQuantity = 1000 });
            s.Opportunities.Advance(s.Alice, o.Id, Stage.Quote);
            department = s.Crm.Alice.DepartmentId;
            foreach (var cell in s.Crm.Store.Engine.All(Zhonghan.Storage.Schema.SalesSets.Funnel).ToList())
                s.Crm.Store.Documents.Delete(Zhonghan.Storage.Schema.SalesSets.Funnel, ((Zhonghan.Storage.Schema.FunnelCount)cell.Doc).Id);
            Assert.All(new FunnelService(s.Db).ForDepartment(department), r => Assert.Equal(0, r.Reached));
        }
        using var reopened = new Zhonghan.Storage.DocumentStore(Zhonghan.Storage.LiteDb.LiteDbEngine.OpenStream(stream));
        var rows = new FunnelService(reopened.Sales).ForDepartment(department);
        Assert.Equal(1, rows.Single(r => r.Stage == Stage.Quote).Count);
        Assert.Equal(2, rows[0].Reached + rows[1].Reached);
    }

    [Fact]
    public void CountsAmountsAndConversionFollowTheStagesReached()
    {
        using var s = new Sales();
        var a = s.Opportunity("甲电子有限公司", "项目甲");
        var b = s.Opportunity("乙电子有限公司", "项目乙");
        s.Opportunity("丙电子有限公司", "项目丙");
        s.Opportunities.AddPart(s.Alice, a.Id, new OpportunityPart { Mpn = "STM32F103C8T6", AnnualQuantity = 1000, TargetPrice = 5 });
        s.Opportunities.AddPart(s.Alice, b.Id, new OpportunityPart { Mpn = "STM32F103C8T6", AnnualQuantity = 100, TargetPrice = 5 });
        s.Opportunities.Advance(s.Alice, a.Id, Stage.Quote);
        s.Opportunities.Advance(s.Alice, b.Id, Stage.Quote);
        s.Opportunities.Lose(s.Alice, b.Id, "价格没有竞争力");

        var rows = new FunnelService(s.Db).ForDepartment(s.Crm.Alice.DepartmentId);
        Assert.Equal((1, 0m, 3), (rows[0].Count, rows[0].Amount, rows[0].Reached));
        Assert.Equal((1, 5000m, 2), (rows[1].Count, rows[1].Amount, rows[1].Reached));
        Assert.Equal(2.0 / 3, rows[0].ConversionToNext!.Value, 3);
        Assert.Equal(0.0, rows[1].ConversionToNext!.Value);
        Assert.Equal(rows, new FunnelService(s.Db).ForOwner(s.Crm.Alice.Id));
    }
}

using Zhonghan.Core.Sales;
using Zhonghan.Storage.Documents;
using Zhonghan.Storage.Schema;

namespace Zhonghan.Benchmarks.Crm;

/// <summary>
/// Opportunities over the generated customers: 40 % in 需求挖掘 with parts (the 推进 turns move them), the rest spread
/// over the later stages with history; and open invoices on a few thousand customers (the 回款 turns).
/// </summary>
public static class SalesData
{
    public sealed record Result(List<int> Advanceable, List<int> WithInvoices);

    public static Result Generate(IDocumentEngine db, CrmData.Result data, int opportunities, TimeProvider clock, int seed = 5)
    {
        var rng = new Random(seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var owned = data.Owned;
        var advanceable = new List<int>();
        var batch = new List<Opportunity>(20_000);
        for (var i = 0; i < opportunities; i++)
        {
            var c = owned[rng.Next(owned.Count)];
            var stageIndex = rng.Next(10) < 4 ? 0 : rng.Next(1, 7);
            var stage = stageIndex < 5 ? Stages.Pipeline[stageIndex] : stageIndex == 5 ? Stage.Won : Stage.Lost;
            var o = new Opportunity
            {
                CustomerId = c.Id, CustomerName = c.Company, Name = $"项目{i}", OwnerId = c.OwnerId, DepartmentId = c.DepartmentId,
                Stage = stage, CreatedAt = now.AddDays(-rng.Next(300)), StageSince = now.AddDays(-rng.Next(30)), ExpectedAmount = rng.Next(1, 500) * 1000m,
                Parts = [new OpportunityPart { Mpn = "STM32F103C8T6", AnnualQuantity = 1000 * rng.Next(1, 100), TargetPrice = 8.5m }],
            };
            var reached = stage is Stage.Won ? 4 : stage is Stage.Lost ? rng.Next(0, 5) : stageIndex;
            for (var k = 1; k <= reached; k++) o.History.Add(new StageChange { From = Stages.Pipeline[k - 1], To = Stages.Pipeline[k], At = o.CreatedAt.AddDays(k * 7) });
            if (stage == Stage.Won) o.History.Add(new StageChange { From = Stage.Order, To = Stage.Won, At = o.CreatedAt.AddDays(40) });
            o.RefreshNameKey();
            batch.Add(o);
            if (batch.Count == batch.Capacity) Flush();
        }
        Flush();

        void Flush()
        {
            db.BulkInsert(SalesSets.Opportunities, batch);
            if (advanceable.Count < 20_000) advanceable.AddRange(batch.Where(o => o.Stage == Stage.Discovery).Select(o => o.Id));
            batch.Clear();
        }

        var withInvoices = new List<int>();
        var invoices = new List<Invoice>();
        foreach (var c in owned.OrderBy(_ => rng.Next()).Take(Math.Min(3000, owned.Count)))
        {
            withInvoices.Add(c.Id);
            for (var k = 0; k < 4; k++)
            {
                var issued = now.AddDays(-rng.Next(120));
                invoices.Add(new Invoice { OrderId = 0, CustomerId = c.Id, OwnerId = c.OwnerId, Amount = rng.Next(1, 100) * 1000m, IssuedAt = issued, DueAt = issued.AddDays(30) });
            }
        }
        db.BulkInsert(SalesSets.Invoices, invoices);
        return new Result(advanceable, withInvoices);
    }
}

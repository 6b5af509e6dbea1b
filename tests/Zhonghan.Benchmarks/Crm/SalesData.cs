using Zhonghan.Core.Customers;
using Zhonghan.Core.Sales;
using Zhonghan.Storage;
using Zhonghan.Storage.Schema;

namespace Zhonghan.Benchmarks.Crm;

/// <summary>
/// Opportunities over the generated customers (default 20,000): 40 % in 需求挖掘 with parts (the 推进 turns move
/// them), the rest spread over the later stages with history; and open invoices on a few thousand customers (the 回款 turns).
/// </summary>
public static class SalesData
{
    public sealed record Result(List<Opportunity> Advanceable, List<Customer> WithInvoices);

    public static Result Generate(DocumentStore store, CrmData.Result data, int opportunities, TimeProvider clock, int seed = 5)
    {
        var db = store.Engine;
        var rng = new Random(seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var owned = data.ByOwner.Values.SelectMany(l => l).ToList();
        var batch = new List<Opportunity>(opportunities);
        for (var i = 0; i < opportunities; i++)
        {
            var c = owned[rng.Next(owned.Count)];
            var stageIndex = rng.Next(10) < 4 ? 0 : rng.Next(1, 7);
            var stage = stageIndex < 5 ? Stages.Pipeline[stageIndex] : stageIndex == 5 ? Stage.Won : Stage.Lost;
            var o = new Opportunity
            {
                CustomerId = c.Id, CustomerName = c.Company, Name = $"项目{i}", OwnerId = c.OwnerId!.Value, DepartmentId = c.DepartmentId,
                Stage = stage, CreatedAt = now.AddDays(-rng.Next(300)), StageSince = now.AddDays(-rng.Next(30)), ExpectedAmount = rng.Next(1, 500) * 1000m,
                Parts = [new OpportunityPart { Mpn = "STM32F103C8T6", AnnualQuantity = 1000 * rng.Next(1, 100), TargetPrice = 8.5m }],
            };
            var reached = stage is Stage.Won ? 4 : stage is Stage.Lost ? rng.Next(0, 5) : stageIndex;
            for (var k = 1; k <= reached; k++) o.History.Add(new StageChange { From = Stages.Pipeline[k - 1], To = Stages.Pipeline[k], At = o.CreatedAt.AddDays(k * 7) });
            if (stage == Stage.Won) o.History.Add(new StageChange { From = Stage.Order, To = Stage.Won, At = o.CreatedAt.AddDays(40) });
            o.RefreshNameKey();
            batch.Add(o);
        }
        db.BulkInsert(SalesSets.Opportunities, batch);

        var withInvoices = new List<Customer>();
        var invoices = new List<Invoice>();
        foreach (var c in owned.OrderBy(_ => rng.Next()).Take(Math.Min(3000, owned.Count)))
        {
            withInvoices.Add(c);
            for (var k = 0; k < 4; k++)
            {
                var issued = now.AddDays(-rng.Next(120));
                var inv = new Invoice { OrderId = 0, CustomerId = c.Id, OwnerId = c.OwnerId!.Value, Amount = rng.Next(1, 100) * 1000m, IssuedAt = issued, DueAt = issued.AddDays(30) };
                invoices.Add(inv);
            }
        }
        db.BulkInsert(SalesSets.Invoices, invoices);
        return new Result(batch.Where(o => o.Stage == Stage.Discovery).ToList(), withInvoices);
    }
}

using System.IO.Compression;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Sales;
using Zhonghan.Storage.LiteDb;
using Zhonghan.Storage.Schema;

namespace Zhonghan.Storage.Tests;

/// <summary>
/// A data file written by the bot before the store boundary (demo data, a 跟进, a 商机 handed to the inquiry
/// assistant, a new lead, a customer's question) opens on the new layout with nothing lost.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "zh-migrate-" + Guid.NewGuid().ToString("N")[..8]);

    public MigrationTests()
    {
        Directory.CreateDirectory(dir);
        using var gz = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "layout1-demo.zhonghan-db.gz")), CompressionMode.Decompress);
        using var file = File.Create(Path.Combine(dir, LiteDbEngine.FileName));
        gz.CopyTo(file);
    }

    private DocumentStore Open(List<string>? progress = null)
    {
        var engine = LiteDbEngine.OpenFolder(dir);
        engine.Progress = line => progress?.Add(line);
        return new DocumentStore(engine);
    }

    [Fact]
    public void AnOldFileIsUpgradedOnceWithABackupAndEveryRecordStillFound()
    {
        var progress = new List<string>();
        using (var store = Open(progress))
        {
            Assert.Contains(progress, l => l.StartsWith("升级数据文件前已备份", StringComparison.Ordinal));
            Assert.Single(Directory.GetFiles(dir, "*.before-upgrade-*.bak"));

            Assert.Equal(32, store.Engine.All(CrmSets.Customers).Count()); // 30 demo, the new lead, the service bot's visitor lead
            var lead = Assert.Single(store.Customers.WithNameKey(CompanyName.Key("迁移测试电子有限公司"), 5));
            Assert.Equal(lead.Id, Assert.Single(store.Customers.WithPhone("13912345678", 5)).Id);
            var zhangsan = store.Users.ByLocalName("zhangsan")!;
            Assert.Contains(store.Customers.OwnedBy(zhangsan.Id, 0, 100), c => c.Id == lead.Id);
            var huichuan = Assert.Single(store.Customers.CoreKeyStartsWith(CompanyName.CoreKey("汇川"), 5));
            Assert.Equal("拜访王工，确认新项目用量", store.Customers.Timeline(huichuan.Id, 1).Single().Note);

            var deal = store.Sales.Opportunity(1)!;
            Assert.Equal(("储能变流器", Stage.Quote), (deal.Name, deal.Stage));
            Assert.Equal("STM32F103C8T6", deal.Parts.Single().Mpn);
            var funnel = FunnelService.Build(store.Sales.FunnelOfDepartment(deal.DepartmentId));
            Assert.Equal(1, funnel.Single(r => r.Stage == Stage.Quote).Count);

            // The inquiry notice waiting in the local chat, and the customer's conversation, are channel state now.
            var wangwu = store.ChannelState.WithPrefix<Notice>("local_outbox", "wangwu|");
            Assert.Contains(wangwu, n => n.Value.Reply.Text.Contains("询价"));
            Assert.NotNull(store.ChannelState.Get<object>("kb_sessions", "local:客户-王先生"));
            Assert.Empty(store.Engine.Check());
        }
        progress.Clear();
        using (Open(progress)) Assert.Empty(progress);
        Assert.Single(Directory.GetFiles(dir, "*.before-upgrade-*.bak"));
    }

    [Fact]
    public void NewIdsContinueAfterTheOldOnes()
    {
        using var store = Open();
        var c = new Customer { Company = "新公司有限公司", NameKey = "新公司", CoreKey = "新公司" };
        store.Customers.Add(c);
        Assert.Equal(33, c.Id);
    }

    private sealed class Notice
    {
        public Core.Conversations.Reply Reply { get; set; } = new();
    }

    public void Dispose()
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}

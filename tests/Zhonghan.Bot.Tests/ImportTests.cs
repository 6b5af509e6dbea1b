using Zhonghan.Storage.LiteDb;
using System.Text;
using MiniExcelLibs;
using Zhonghan.Bot.Cli;
using Zhonghan.Bot.Import;
using Zhonghan.Core;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Import;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Storage;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

public class ImportTests : IAsyncLifetime
{
    private ChatHarness bot = null!;
    private readonly TempDir files = new();

    public async Task InitializeAsync() => bot = await ChatHarness.StartAsync();

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        files.Dispose();
    }

    private ImportReport Import(string path, ImportOptions? options = null, Dictionary<string, string>? map = null)
    {
        var admin = bot.Get<UserDirectory>().ByLocalName("admin")!;
        return bot.Get<LeadImportRunner>().RunAsync(Actor.System(admin), path, options ?? new ImportOptions(), map, CancellationToken.None).GetAwaiter().GetResult();
    }

    private int CustomerCount => bot.Get<DocumentStore>().AllCustomers().Count;

    [Fact]
    public void AnXlsxWithChineseHeadersImportsGoodRowsAndReportsTheRest()
    {
        var path = files.File("线索.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            Row("常州天合光能股份有限公司", "高工", "13611110001", "A", "zhangsan"),
            Row("", "无名", "13611110002", "B", "zhangsan"),                 // no company
            Row("镇江大全电气有限公司", "钱工", "12ab", "B", "zhangsan"),       // bad phone
            Row("扬州扬杰电子科技股份有限公司", "孙工", "13611110004", "D", "zhangsan"), // bad importance
            Row("南通江海电容器股份有限公司", "李工", "13611110005", "C", "nobody"),  // unknown owner
            Row("常州天合光能有限公司", "周工", "13611110006", "A", "sunqi"),      // duplicate of row 2
            Row("深圳市汇川技术股份有限公司", "吴工", "13611110007", "A", "sunqi"), // duplicate of the database
            Row("泰州隆基乐叶光伏科技有限公司", "郑工", "13611110008", "", ""),     // no owner → pool
        });
        var before = CustomerCount;
        var report = Import(path);

        Assert.True(report.Committed);
        Assert.Equal(8, report.Rows);
        Assert.Equal(2, report.Created);
        Assert.Equal(before + 2, CustomerCount);
        Assert.Equal([3, 4, 5, 6], report.Rejected.Select(r => r.Row));
        Assert.Contains("缺少公司名称", report.Rejected[0].Reason);
        Assert.Contains("电话号码无效", report.Rejected[1].Reason);
        Assert.Contains("A/B/C", report.Rejected[2].Reason);
        Assert.Contains("负责人不存在", report.Rejected[3].Reason);
        Assert.Equal([7, 8], report.Duplicates.Select(d => d.Row));
        Assert.Contains("与第 2 行重复", report.Duplicates[0].Reason);
        Assert.Contains("公司已存在：深圳市汇川技术股份有限公司", report.Duplicates[1].Reason);

        var finder = bot.Get<CustomerFinder>();
        var zhangsan = bot.Get<UserDirectory>().ByLocalName("zhangsan")!;
        var trina = finder.Find(zhangsan, "天合光能").Match!;
        Assert.Equal(Importance.A, trina.Importance);
        Assert.Equal("高工", trina.Contacts.Single().Name);
        var pooled = finder.Find(zhangsan, "隆基乐叶").Match!;
        Assert.Equal(CustomerStatus.PublicPool, pooled.Status);

        var text = LeadImportRunner.Render(report, dryRun: false);
        Assert.Contains("新建 2 条线索", text);
        Assert.Contains("拒绝 第3行", text);
    }

    [Fact]
    public void ACsvWithEnglishHeadersQuotesAndABomImports()
    {
        var path = files.File("leads.csv");
        File.WriteAllText(path, "\uFEFFCompany,Contact,Phone,Owner,Region\n" +
            "\"Acme Power Co., Ltd.\",Tom,13700000001,zhangsan,\"Suzhou, Jiangsu\"\n" +
            "Globex Semiconductors Inc.,Ann,13700000002,lisi,Shanghai\n" +
            ",,,,\n", new UTF8Encoding(false));
        var report = Import(path);
        Assert.Equal(1, report.Created);
        var acme = bot.Get<CustomerFinder>().Find(bot.Get<UserDirectory>().ByLocalName("zhangsan")!, "Acme Power").Match!;
        Assert.Equal("Suzhou, Jiangsu", acme.Region);
        // lisi is a manager: imported leads go to the people who sell.
        Assert.Equal("李四是主管，不是销售：导入的线索只能分给销售", Assert.Single(report.Rejected).Reason);
    }

    [Fact]
    public void AGb18030CsvFromChineseExcelImports()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = files.File("gbk.csv");
        File.WriteAllBytes(path, Encoding.GetEncoding("GB18030").GetBytes("公司名称,联系人,手机\n嘉兴斯达半导体股份有限公司,沈工,13800001234\n"));
        var report = Import(path, new ImportOptions { DefaultOwner = bot.Get<UserDirectory>().ByLocalName("zhangsan") });
        Assert.Equal(1, report.Created);
        Assert.Empty(report.Rejected);
    }

    [Fact]
    public void ColumnsCanBeMappedByHand()
    {
        var path = files.File("mapped.csv");
        File.WriteAllText(path, "客户全称,对接人\n武汉光迅科技股份有限公司,黄工\n");
        Assert.Throws<CrmException>(() => Import(path));
        var report = Import(path, map: new() { ["客户全称"] = "company", ["对接人"] = "contactname" });
        Assert.Equal(1, report.Created);
    }

    [Fact]
    public void AnUnreadableFileImportsNothingAndSaysWhy()
    {
        var path = files.File("broken.xlsx");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes("this is not a zip file at all"));
        var before = CustomerCount;
        var e = Assert.Throws<CrmException>(() => Import(path));
        Assert.Contains("文件无法读取", e.Message);
        Assert.Equal(before, CustomerCount);

        var truncated = files.File("truncated.xlsx");
        MiniExcel.SaveAs(truncated, new[] { Row("甲电子有限公司", "a", "13600000001", "A", "zhangsan") });
        var bytes = File.ReadAllBytes(truncated);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        Assert.Throws<CrmException>(() => Import(truncated));
        Assert.Equal(before, CustomerCount);

        Assert.Contains("不支持旧版 .xls", Assert.Throws<CrmException>(() => Import(files.File("x.xls").Also(p => File.WriteAllText(p, "x")))).Message);
        Assert.Contains("文件不存在", Assert.Throws<CrmException>(() => Import(files.File("missing.csv"))).Message);
        Assert.Contains("文件是空的", Assert.Throws<CrmException>(() => Import(files.File("empty.csv").Also(p => File.WriteAllText(p, "")))).Message);
    }

    [Fact]
    public void StrictModeImportsNothingWhenAnyRowIsRejected()
    {
        var path = files.File("strict.csv");
        File.WriteAllText(path, "公司,电话\n苏州纳芯微电子股份有限公司,13500000001\n无锡芯朋微电子股份有限公司,bad\n");
        var before = CustomerCount;
        var report = Import(path, new ImportOptions { Strict = true });
        Assert.False(report.Committed);
        Assert.Contains("没有导入任何数据", report.Aborted);
        Assert.Equal(before, CustomerCount);
    }

    [Fact]
    public void ADryRunWritesNothing()
    {
        var path = files.File("dry.csv");
        File.WriteAllText(path, "公司\n上海贝岭股份有限公司\n");
        var before = CustomerCount;
        var report = Import(path, new ImportOptions { DryRun = true });
        Assert.Equal(1, report.Created);
        Assert.Equal(before, CustomerCount);
    }

    [Fact]
    public async Task TheCliImportsIntoTheDataFolder()
    {
        using var data = new TempDir();
        var path = files.File("cli.csv");
        File.WriteAllText(path, "company,contact,phone\n上海韦尔半导体股份有限公司,虞工,13300000001\n有限公司,x,13300000002\n");
        // The file path comes before the options: a path starting with "/" must not be read as a setting.
        var code = await CliCommands.RunAsync(["import", "leads", path, "--data", data.Path, "--owner", "zhangsan"]);
        Assert.Equal(0, code);
        using (var db = StoreQueries.OpenFolder(data.Path))
            Assert.Single(db.Customers.WithNameKey(CompanyName.Key("上海韦尔半导体股份有限公司"), 5));
        Assert.Equal(2, await CliCommands.RunAsync(["import", "leads", "--data", data.Path]));
    }

    private static Dictionary<string, object> Row(string company, string contact, string phone, string importance, string owner) => new()
    {
        ["公司名称"] = company, ["联系人"] = contact, ["手机"] = phone, ["重要程度"] = importance, ["负责人"] = owner,
    };
}

internal static class PathExtensions
{
    public static string Also(this string path, Action<string> act) { act(path); return path; }
}

public class CliSettingsTests
{
    [Fact]
    public void OnlySettingsReachTheHostAndPathsAreNotSwitches() =>
        Assert.Equal(
            ["--Zhonghan:DataDir=/srv/zh", "--Pool:DailyClaimLimit=5", "--Serilog:MinimumLevel:Default=Warning"],
            Zhonghan.Bot.Hosting.BotConfiguration.SettingsOnly(["leads", "/tmp/leads.csv", "--data", "/srv/zh", "--owner", "zhangsan", "--Pool:DailyClaimLimit=5", "--Serilog:MinimumLevel:Default", "Warning", "--strict"]));
}

using Zhonghan.Storage;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using Zhonghan.Bot.Cli;
using Zhonghan.Bot.Import;
using Zhonghan.Core;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Import;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>Import owners, formula cells, phones, unknown columns and the full .xlsx report.</summary>
public class ImportReportTests : IAsyncLifetime
{
    private ChatHarness bot = null!;
    private readonly TempDir files = new();

    public async Task InitializeAsync() => bot = await ChatHarness.StartAsync();

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        files.Dispose();
    }

    private Actor Admin => Actor.System(bot.Get<UserDirectory>().ByLocalName("admin")!);
    private User User(string name) => bot.Get<UserDirectory>().ByLocalName(name)!;
    private Customer? Customer(string company) => bot.Get<DocumentStore>().Customers.WithNameKey(CompanyName.Key(company), 1).FirstOrDefault();

    private string Csv(string name, string text)
    {
        var path = files.File(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task TheOwnerOptionGivesRowsToTheRepAndTheOwnerColumnWinsForItsRows()
    {
        var path = Csv("owners.csv", "公司,负责人\n常州银河微电子股份有限公司,\n无锡新洁能股份有限公司,sunqi\n");
        var report = await bot.Get<LeadImportRunner>().RunAsync(Admin, path, new ImportOptions { DefaultOwner = bot.Get<ImportOwners>().ResolveDefault("张三") }, null, CancellationToken.None);
        Assert.Equal(2, report.Created);
        Assert.Equal(User("zhangsan").Id, Customer("常州银河微电子股份有限公司")!.OwnerId);
        Assert.Equal(User("sunqi").Id, Customer("无锡新洁能股份有限公司")!.OwnerId);
        Assert.Equal(["张三", "孙七"], report.New.Select(n => n.Reason));
        Assert.Contains("分配：张三 1 条，孙七 1 条", LeadImportRunner.Render(report, dryRun: false));
    }

    [Fact]
    public async Task AnOwnerWhoIsNoRepOrHoldsTheMostALeadMayNotTakeImportedLeads()
    {
        var owners = bot.Get<ImportOwners>();
        Assert.Contains("李四是主管，不是销售", Assert.Throws<CrmException>(() => owners.ResolveDefault("lisi")).Message);
        Assert.Contains("没有用户“nobody”", Assert.Throws<CrmException>(() => owners.ResolveDefault("nobody")).Message);
        Assert.Equal("管理员是管理员，不是销售：导入的线索只能分给销售", owners.Resolve("admin").Problem);

        await using var small = await ChatHarness.StartAsync(["Pool:MaxPrivatePerRep=3"]);
        Assert.Contains("达到上限 3", Assert.Throws<CrmException>(() => small.Get<ImportOwners>().ResolveDefault("zhangsan")).Message);
        var path = Csv("full.csv", "公司,负责人\n常州银河微电子股份有限公司,zhangsan\n");
        var report = await small.Get<LeadImportRunner>().RunAsync(Actor.System(small.Get<UserDirectory>().ByLocalName("admin")!), path, new ImportOptions(), null, CancellationToken.None);
        Assert.Contains("已达客户上限 3", Assert.Single(report.Rejected).Reason);
    }

    [Fact]
    public async Task FormulaCellsAreRefusedAndLeadingSignsStrippedAndTheReportSaysWhich()
    {
        var path = Csv("formula.csv",
            "公司,联系人,电话,地区\n" +
            "\"=HYPERLINK(\"\"http://evil.example/x?0\"\",\"\"点我领取\"\")\",王工,13900001234,苏州\n" +
            "@苏州汇芯电子有限公司,-,+86 139 0000 1235,+上海\n" +
            "\"-=1+1\",李工,13900001236,\n" +
            "杭州士兰微电子股份有限公司,@陈工,13900001237,=A1\n");
        var report = await bot.Get<LeadImportRunner>().RunAsync(Admin, path, new ImportOptions(), null, CancellationToken.None);

        Assert.Equal([2, 4, 5], report.Rejected.Select(r => r.Row));
        Assert.All(report.Rejected, r => Assert.Contains("是公式", r.Reason));
        Assert.Contains("公司是公式（=HYPERLINK(", report.Rejected[0].Reason);
        Assert.Contains("地区是公式（=A1）", report.Rejected[2].Reason);
        Assert.Null(bot.Get<DocumentStore>().AllCustomers().FirstOrDefault(c => c.Company.Contains("HYPERLINK")));

        var huixin = Customer("苏州汇芯电子有限公司")!;
        Assert.Equal("苏州汇芯电子有限公司", huixin.Company);
        Assert.Equal("上海", huixin.Region);
        Assert.Equal("+86 139 0000 1235", huixin.Contacts.Single().Phone); // a phone keeps its plus
        Assert.Contains(report.Changed, c => c.Row == 3 && c.Reason.StartsWith("公司开头的“@”已去掉"));
        Assert.Contains(report.Changed, c => c.Row == 3 && c.Reason.StartsWith("地区开头的“+”已去掉"));
        Assert.Contains("- 修改 第3行 苏州汇芯电子有限公司：公司开头的“@”已去掉", LeadImportRunner.Render(report, dryRun: false));
    }

    [Fact]
    public async Task PhonesAreCheckedAsNewLeadChecksThem()
    {
        var path = Csv("phones.csv", "公司,电话\n甲电子有限公司,1380013800\n乙电子有限公司,tel:13800138001\n丙电子有限公司,0512-6688 1234\n");
        var report = await bot.Get<LeadImportRunner>().RunAsync(Admin, path, new ImportOptions(), null, CancellationToken.None);
        Assert.Equal([2, 3], report.Rejected.Select(r => r.Row));
        Assert.All(report.Rejected, r => Assert.StartsWith("电话号码无效", r.Reason));
        Assert.Equal(1, report.Created);
    }

    [Fact]
    public async Task UnknownColumnsAreNamedWithTheHeadersThatAreAccepted()
    {
        var path = Csv("extra.csv", "公司,备注,QQ\n宁波韵升股份有限公司,老客户介绍,12345\n");
        var report = await bot.Get<LeadImportRunner>().RunAsync(Admin, path, new ImportOptions(), null, CancellationToken.None);
        Assert.Equal(["备注", "QQ"], report.UnknownColumns);
        var text = LeadImportRunner.Render(report, dryRun: false);
        Assert.Contains("未识别的列（没有导入）：备注、QQ。可用的表头：", text);
        Assert.Contains("- 公司：公司 / 公司名称 / 客户", text);
        Assert.Contains("- 负责人：负责人 / 销售 / owner / rep", text);
    }

    [Fact]
    public void TheReadmeListsEveryAcceptedHeader()
    {
        var readme = File.ReadAllText(Path.Combine(FirstStartTests.RepoRoot(), "README.md"));
        foreach (var (field, headers) in ImportColumns.Accepted())
        {
            var row = readme.Split('\n').Single(l => l.StartsWith($"| {ImportColumns.Chinese(field)} (`{field.ToString().ToLowerInvariant()}`) |"));
            Assert.Equal(headers.Select(h => $"`{h}`"), row.Split('|')[2].Split(" / ").Select(h => h.Trim()));
        }
    }

    [Fact]
    public async Task TheFullReportListsEveryRowWithItsReasonInAnXlsxNextToTheInput()
    {
        var path = Csv("线索.csv",
            "公司,电话,备注\n常州银河微电子股份有限公司,13700000001,x\n深圳市汇川技术股份有限公司,13700000002,x\n有限公司,13700000003,x\n" +
            "\"=HYPERLINK(\"\"http://evil.example/x?0\"\",\"\"点我领取\"\")\",13700000004,x\n");
        var (report, reportPath) = await bot.Get<LeadImportRunner>().RunWithReportAsync(Admin, path, new ImportOptions(), CancellationToken.None);

        Assert.Equal(Path.GetDirectoryName(path), Path.GetDirectoryName(reportPath));
        Assert.Equal("线索-导入报告-20261130-093000.xlsx", Path.GetFileName(reportPath));
        var rows = MiniExcel.Query(reportPath, useHeaderRow: true, sheetName: ImportReportFile.ResultsSheet).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal([2, 3, 4, 5], rows.Select(r => Convert.ToInt32(r["行号"])));
        Assert.Equal(["新建", "重复", "拒绝", "拒绝"], rows.Select(r => r["结果"]?.ToString()));
        Assert.Equal("负责人：公海", rows[0]["说明"]);
        Assert.Contains("公司已存在", rows[1]["说明"]?.ToString());
        Assert.Equal("公司名称无效", rows[2]["说明"]);
        Assert.Equal(report.Rejected[1].Company, rows[3]["公司"]?.ToString());

        var notes = MiniExcel.Query(reportPath, useHeaderRow: true, sheetName: ImportReportFile.NotesSheet).Cast<IDictionary<string, object>>()
            .Select(r => (r["项目"]?.ToString(), r["内容"]?.ToString())).ToList();
        Assert.Contains(("未识别的列（未导入）", "备注"), notes);
        Assert.Contains(notes, n => n.Item1 == "可用的表头" && n.Item2!.StartsWith("电话：电话 / 手机"));

        // The formula is a string cell in the report, never a formula Excel would run.
        using var zip = ZipFile.OpenRead(reportPath);
        foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/")))
            using (var reader = new StreamReader(sheet.Open()))
                Assert.DoesNotContain("<x:f>", reader.ReadToEnd().Replace("<f>", "<x:f>"));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public class ConsoleOutput
{
    public const string Name = "console output";
}

[Collection(ConsoleOutput.Name)]
public class ImportCliOutputTests
{
    [Fact]
    public async Task TheCliPrintsTheFirstLinesAndThePathOfTheFullReport()
    {
        using var data = new TempDir();
        using var files = new TempDir();
        var path = files.File("many.csv");
        File.WriteAllText(path, "company,phone\n" + string.Concat(Enumerable.Range(1, 15).Select(i => $"坏电话{i:D2}电子有限公司,12ab{i}\n")) + "良好电子有限公司,13300000001\n");
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(console);
        try
        {
            Assert.Equal(0, await CliCommands.RunAsync(["import", "leads", path, "--data", data.Path, "--owner", "zhangsan"]));
            Assert.Equal(2, await CliCommands.RunAsync(["import", "leads", path, "--data", data.Path, "--owner", "lisi"]));
        }
        finally
        {
            Console.SetOut(original);
        }
        var output = console.ToString();
        Assert.Contains("新建 1 条线索", output);
        Assert.Contains("分配：张三 1 条", output);
        Assert.Contains("- 拒绝 第11行 坏电话10电子有限公司", output);
        Assert.DoesNotContain("第12行", output);
        Assert.Contains("- …另有 5 行，见完整报告", output);
        var report = Directory.GetFiles(files.Path, "many-导入报告-*.xlsx").Single();
        Assert.Contains($"完整报告（每一行的结果和原因）：{report}", output);
        Assert.Equal(16, MiniExcel.Query(report, useHeaderRow: true, sheetName: ImportReportFile.ResultsSheet).Count());
    }
}

[Collection(ConsoleOutput.Name)]
public class TerminalChatNoticeTests
{
    [Fact]
    public async Task TheTerminalChatSaysWhenANameIsNoUserAndTalksAsACustomer()
    {
        using var data = new TempDir();
        var console = new StringWriter();
        var (originalOut, originalIn) = (Console.Out, Console.In);
        Console.SetOut(console);
        Console.SetIn(new StringReader("/quit\n"));
        try
        {
            Assert.Equal(0, await CliCommands.RunAsync(["chat", "--user", "zhangsna", "--data", data.Path]));
            Console.SetIn(new StringReader("/quit\n"));
            Assert.Equal(0, await CliCommands.RunAsync(["chat", "--user", "zhangsan", "--data", data.Path]));
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetIn(originalIn);
        }
        var output = console.ToString();
        Assert.Single(output.Split('\n'), l => l.StartsWith("你现在以客户身份（访客 zhangsna）与客服机器人对话；如果你是员工，请检查用户名。"));
        Assert.DoesNotContain("访客 zhangsan）", output);
    }
}

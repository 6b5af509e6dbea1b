using System.Text;
using MiniExcelLibs;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Knowledge.Tests;

public class IngestionTests
{
    [Fact]
    public async Task MarkdownIsCutIntoSectionsTitledByDocumentAndHeading()
    {
        using var kb = new TestKb();
        kb.Write("faq.md", "# 申样流程\n\n开头一段。\n\n## 申样步骤\n先把型号发给销售，销售提交申样单。\n\n## 到样时间\n现货样品 1 到 3 个工作日发出。\n");
        var report = kb.ImportFiles();
        Assert.Single(report.Added);
        Assert.Equal(3, report.Records);
        var hit = (await kb.SearchAsync("到样时间")).Hits[0];
        Assert.Equal("申样流程 › 到样时间", hit.Record.Title);
        Assert.Equal("faq.md › 到样时间", hit.Record.Source);
        Assert.Contains("1 到 3 个工作日", hit.Record.Text);
    }

    [Fact]
    public async Task LongTextIsChunkedAtSentenceEnds()
    {
        using var kb = new TestKb();
        var sentences = Enumerable.Range(1, 80).Select(i => $"第{i}句说明交货安排和包装方式。");
        kb.Write("long.txt", string.Concat(sentences));
        kb.ImportFiles();
        var hits = (await kb.SearchAsync("第79句", 50)).Hits;
        Assert.True(kb.Index.Count >= 3, $"expected several chunks, got {kb.Index.Count}");
        Assert.All(hits, h => Assert.True(h.Record.Text.Length <= 700));
        Assert.Contains(hits, h => h.Record.Text.Contains("第79句"));
    }

    [Fact]
    public async Task ACsvCatalogueWithChineseHeadersGivesPartsWithAllFacts()
    {
        using var kb = new TestKb();
        kb.Write("目录.csv", "型号,品牌,分类,描述,封装,库存,单价(元),交期,最小起订量,规格书,温度范围\n" +
                             "\"TJA1051T/3,118\",NXP,CAN,高速CAN收发器,SO-8,4000,4.10,现货,2500,https://example.com/tja1051.pdf,-40~125℃\n" +
                             ",没有型号的行,,,,,,,,,\n");
        var report = kb.ImportFiles();
        Assert.Equal(1, report.Records);
        Assert.Equal(1, report.RowsWithoutPart);
        var r = (await kb.SearchAsync("TJA1051T/3,118")).Hits.Single(h => h.IsIdentity).Record;
        Assert.Equal(("NXP", "CAN", "SO-8", "4000", "¥4.10", "现货", "2500"), (r.Manufacturer, r.Category, r.Package, r.Stock, r.Price, r.LeadTime, r.Moq));
        Assert.Equal("https://example.com/tja1051.pdf", r.Datasheet);
        Assert.Equal("-40~125℃", r.Attributes["温度范围"]);
        Assert.Equal("目录.csv 第2行", r.Source);
    }

    [Fact]
    public async Task ACsvCatalogueWithEnglishHeadersSemicolonsAndGb18030IsRead()
    {
        using var kb = new TestKb();
        var text = "Part Number;Manufacturer;Description;Package;Qty;Price (USD);Lead Time;MOQ\nLM358DR;Texas Instruments;双路运放;SOIC-8;30000;0.06;6 weeks;2500\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(Path.Combine(kb.Files, "catalog.csv"), Encoding.GetEncoding("GB18030").GetBytes(text));
        kb.ImportFiles();
        var r = (await kb.SearchAsync("lm358dr")).Hits.Single(h => h.Match == MatchKind.Exact).Record;
        Assert.Equal(("双路运放", "30000", "US$0.06", "6 weeks"), (r.Description, r.Stock, r.Price, r.LeadTime));
    }

    [Fact]
    public async Task AnXlsxCatalogueWithATitleRowIsRead()
    {
        using var kb = new TestKb();
        var rows = new List<Dictionary<string, object>>
        {
            new() { ["A"] = "众韩电子产品目录 2026", ["B"] = "", ["C"] = "" },
            new() { ["A"] = "MPN", ["B"] = "Brand", ["C"] = "Stock" },
            new() { ["A"] = "AO3400A", ["B"] = "AOS", ["C"] = 80000 },
        };
        MiniExcel.SaveAs(Path.Combine(kb.Files, "parts.xlsx"), rows, printHeader: false);
        var report = kb.ImportFiles();
        Assert.Empty(report.Failed);
        var r = (await kb.SearchAsync("AO3400A")).Hits.Single(h => h.IsIdentity).Record;
        Assert.Equal(("AOS", "80000"), (r.Manufacturer, r.Stock));
    }

    [Fact]
    public async Task PdfTextIsIndexedPageByPage()
    {
        using var kb = new TestKb();
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(595, 842).AddText("Shipping terms: orders ship within three working days.", 12, new(50, 700), font);
        builder.AddPage(595, 842).AddText("Samples: up to ten pieces per part number are free.", 12, new(50, 700), font);
        File.WriteAllBytes(Path.Combine(kb.Files, "terms.pdf"), builder.Build());
        var report = kb.ImportFiles();
        Assert.Equal(2, report.Records);
        var hit = (await kb.SearchAsync("free samples pieces")).Hits[0];
        Assert.Equal("terms.pdf 第2页", hit.Record.Source);
    }

    [Fact]
    public void BrokenFilesAreReportedAndTheOthersStillImported()
    {
        using var kb = new TestKb();
        kb.Write("good.md", "# 好文件\n内容。");
        kb.Write("no-part-column.csv", "名称,数量\n电阻,5\n");
        File.WriteAllBytes(Path.Combine(kb.Files, "corrupt.xlsx"), Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not a zip"));
        File.WriteAllBytes(Path.Combine(kb.Files, "corrupt.pdf"), Encoding.ASCII.GetBytes("%PDF-1.7\nrubbish without xref"));
        File.WriteAllBytes(Path.Combine(kb.Files, "binary.md"), [0x00, 0x01, 0x02, 0xFF]);
        kb.Write("empty.txt", "");
        kb.Write("image.png", "not read");
        var report = kb.ImportFiles();
        Assert.Equal(["binary.md", "corrupt.pdf", "corrupt.xlsx", "no-part-column.csv"], report.Failed.Select(f => Path.GetFileName(f.File)).Order());
        Assert.Contains(report.Failed, f => f.Reason.Contains("找不到型号列"));
        Assert.Equal(["empty.txt", "good.md"], report.Added.Select(Path.GetFileName).Order()!);
        Assert.Equal(["image.png"], report.Skipped.Select(Path.GetFileName));
        Assert.Equal(1, kb.Index.Count);
    }

    [Fact]
    public async Task ReimportSkipsUnchangedUpdatesChangedAndRemovesDeletedFiles()
    {
        using var kb = new TestKb();
        var a = kb.Write("a.csv", "型号,库存\nSTM32F103C8T6,100\n");
        kb.Write("sub/b.md", "# 交期\n现货三天发货。");
        kb.Write("c.md", "# 报价\n一天内报价。");
        kb.ImportFiles();

        File.WriteAllText(a, "型号,库存\nSTM32F103C8T6,250\nGD32F103C8T6,900\n");
        File.Delete(Path.Combine(kb.Files, "c.md"));
        var report = kb.ImportFiles();

        Assert.Equal(["a.csv"], report.Updated.Select(Path.GetFileName));
        Assert.Equal(["b.md"], report.Unchanged.Select(Path.GetFileName));
        Assert.Equal(["c.md"], report.Removed.Select(Path.GetFileName));
        Assert.Equal("250", (await kb.SearchAsync("STM32F103C8T6")).Hits[0].Record.Stock);
        Assert.Contains((await kb.SearchAsync("GD32F103C8T6")).Hits, h => h.IsIdentity);
        Assert.DoesNotContain((await kb.SearchAsync("一天内报价")).Hits, h => h.Record.Title.Contains("报价"));
        Assert.Equal(3, kb.Index.Count);
        Assert.Equal(2, kb.Index.Manifest().Files.Count);
    }

    [Fact]
    public async Task AFileThatBreaksOnReimportKeepsItsEarlierVersion()
    {
        using var kb = new TestKb();
        var a = kb.Write("a.csv", "型号,库存\nSTM32F103C8T6,100\n");
        kb.ImportFiles();
        File.WriteAllText(a, "名称,库存\n坏了,1\n");
        var report = kb.ImportFiles();
        Assert.Single(report.Failed);
        Assert.Equal("100", (await kb.SearchAsync("STM32F103C8T6")).Hits.Single(h => h.IsIdentity).Record.Stock);
    }

    [Fact]
    public async Task TheIndexSurvivesAReopen()
    {
        using var dir = new Zhonghan.Testing.TempDir();
        var folder = Path.Combine(dir.Path, "kb");
        File.WriteAllText(dir.File("p.csv"), "MPN,Stock\nTPS54331DR,6000\n");
        using (var index = new Index.KnowledgeIndex(folder, TimeProvider.System))
            new Ingestion.KnowledgeImporter(index, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Ingestion.KnowledgeImporter>.Instance)
                .Import(dir.File("p.csv"), null, CancellationToken.None);
        using var reopened = new Index.KnowledgeIndex(folder, TimeProvider.System);
        var hits = (await new Index.KnowledgeSearch(reopened).SearchAsync("TPS54331DR", 5, CancellationToken.None)).Hits;
        Assert.Equal("6000", hits.Single(h => h.IsIdentity).Record.Stock);
        Assert.Single(reopened.Manifest().Files);
    }
}

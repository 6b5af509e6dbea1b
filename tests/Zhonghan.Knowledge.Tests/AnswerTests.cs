using Zhonghan.Knowledge.Answers;
using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Knowledge.Tests;

/// <summary>Offline answers over the shipped demo FAQ and catalogue.</summary>
public sealed class AnswerTests : IDisposable
{
    private readonly TestKb kb = new();

    public AnswerTests() => Assert.Empty(kb.ImportDemo().Failed);

    public void Dispose() => kb.Dispose();

    [Fact]
    public async Task AKnownPartIsAnsweredWithItsFactsAndSource()
    {
        var a = await kb.AnswerAsync("STM32F103C8T6 有现货吗？");
        Assert.Equal(AnswerKind.Part, a.Kind);
        Assert.Contains("库存：12000", a.Text);
        Assert.Contains("价格：¥8.50", a.Text);
        Assert.Contains("交期：现货", a.Text);
        Assert.Contains("最小起订量：10", a.Text);
        Assert.Contains("规格书：https://www.st.com/", a.Text);
        Assert.Contains("来源：演示目录.csv 第2行", a.Text);
    }

    [Fact]
    public async Task ALowerCasePartWithAnotherPackagingSuffixIsTheSamePartAndSaysSo()
    {
        var a = await kb.AnswerAsync("max3485esa 多少钱");
        Assert.Equal(AnswerKind.Part, a.Kind);
        Assert.Contains("不同的包装后缀", a.Text);
        Assert.Contains("MAX3485ESA+T", a.Text);
    }

    [Fact]
    public async Task AFamilyStemListsTheCandidatesAndAsksWhich()
    {
        var a = await kb.AnswerAsync("STM32F103");
        Assert.Equal(AnswerKind.Family, a.Kind);
        Assert.Equal(["STM32F103C8T6", "STM32F103RCT6"], a.Candidates.Select(c => c.Mpn));
        Assert.Contains("哪一个", a.Text);
        Assert.DoesNotContain("库存：", a.Text);   // no facts until the user picks one
    }

    [Fact]
    public async Task APartNotInTheCatalogueIsSaidPlainlyWithoutANearMiss()
    {
        var a = await kb.AnswerAsync("STM32F103C8T7 有货吗");
        Assert.Equal(AnswerKind.NotInCatalogue, a.Kind);
        Assert.Contains("目录中没有“STM32F103C8T7”", a.Text);
        Assert.DoesNotContain("STM32F103C8T6", a.Text);
        Assert.Empty(a.Sources);
        Assert.Equal(["STM32F103C8T7"], a.Missing);
    }

    [Fact]
    public async Task AGeneralQuestionGetsTheBestPassageWithItsSource()
    {
        var a = await kb.AnswerAsync("报价一般要多久？");
        Assert.Equal(AnswerKind.Passage, a.Kind);
        Assert.Contains("1 个工作日内报价", a.Text);
        Assert.Contains("来源：报价流程.md › 报价时效", a.Text);
    }

    [Fact]
    public async Task AnEnglishQuestionIsAnsweredInEnglishFromTheChinesePage()
    {
        var a = await kb.AnswerAsync("what is the minimum order quantity");
        Assert.True(a.English);
        Assert.Equal(AnswerKind.Passage, a.Kind);
        Assert.Contains("Source: 报价流程.md › 最小起订量", a.Text);
    }

    [Fact]
    public async Task ADescribedNeedListsMatchingPartsAsSearchResults()
    {
        var a = await kb.AnswerAsync("有没有 3A 的同步降压芯片");
        Assert.Equal(AnswerKind.Suggestions, a.Kind);
        Assert.Contains(a.Candidates, c => c.Mpn == "TPS563201DDCR");
        Assert.Contains("不是选型结论", a.Text);
    }

    [Theory]
    [InlineData("你们老板是谁")]
    [InlineData("明天上海天气怎么样")]
    [InlineData("能开增值税专用发票吗")]
    public async Task AQuestionTheDocumentsDoNotAnswerIsUnsure(string q)
    {
        var a = await kb.AnswerAsync(q);
        Assert.Equal(AnswerKind.Unsure, a.Kind);
        Assert.StartsWith("不确定", a.Text);
    }

    [Fact]
    public async Task IdentityHitsComeBeforeFamilyAndWordHits()
    {
        var hits = (await kb.SearchAsync("TJA1051T/3 和 STM32F103", 10)).Hits;
        Assert.Equal(MatchKind.Variant, hits[0].Match);
        Assert.Equal("TJA1051T/3,118", hits[0].Record.Mpn);
        Assert.Equal([MatchKind.Family, MatchKind.Family], hits.Skip(1).Take(2).Select(h => h.Match));
        Assert.All(hits.Skip(3), h => Assert.Equal(MatchKind.Text, h.Match));
    }
}

/// <summary>Part-number-like codes inside a description of a need.</summary>
public sealed class DescriptionCodeTests : IDisposable
{
    private readonly TestKb kb = new();

    public DescriptionCodeTests() => kb.ImportDemo();

    public void Dispose() => kb.Dispose();

    [Fact]
    public async Task APackageCodeInADescriptionIsNotReportedAsAMissingPart()
    {
        var a = await kb.AnswerAsync("有没有英飞凌的N沟道MOS管，TDSON-8FL封装，60V 100A？");
        Assert.NotEqual(AnswerKind.NotInCatalogue, a.Kind);
        Assert.Contains(a.Candidates, c => c.Mpn == "BSC016N06NS");
    }

    [Fact]
    public async Task AnUnknownCodeInAQuestionTheWordsCannotAnswerIsStillSaidToBeMissing()
    {
        var a = await kb.AnswerAsync("ESP32-WROOM-32E 这个模块你们有代理吗");
        Assert.Equal(AnswerKind.NotInCatalogue, a.Kind);
        Assert.Equal(["ESP32-WROOM-32E"], a.Missing);
    }
}

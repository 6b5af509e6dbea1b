using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Tests.Parsing;

public class ValueParserTests
{
    [Theory]
    [InlineData("80万", 800_000)]
    [InlineData("80万元", 800_000)]
    [InlineData("80 万元", 800_000)]
    [InlineData("80w", 800_000)]
    [InlineData("80W", 800_000)]
    [InlineData("800k", 800_000)]
    [InlineData("800K", 800_000)]
    [InlineData("¥800,000", 800_000)]
    [InlineData("￥800,000", 800_000)]
    [InlineData("RMB 800000", 800_000)]
    [InlineData("rmb800000", 800_000)]
    [InlineData("800000元", 800_000)]
    [InlineData("800000", 800_000)]
    [InlineData("1.5万", 15_000)]
    [InlineData("一万二", 12_000)]
    [InlineData("1万2", 12_000)]
    [InlineData("八十万", 800_000)]
    [InlineData("两千五百块", 2_500)]
    [InlineData("１００００", 10_000)]
    [InlineData("8500.5", 8_500.5)]
    [InlineData("1亿", 100_000_000)]
    public void AmountsReadAsYuan(string text, double yuan)
    {
        var r = AmountParser.Parse(text);
        Assert.True(r.Ok, r.Error);
        Assert.Equal((decimal)yuan, r.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("80万美元")]
    [InlineData("$800")]
    [InlineData("12,34")]
    [InlineData("安防摄像头电源")]
    [InlineData("两三万")]
    public void GarbageIsNotAnAmountAndTheMessageSaysHowToWriteOne(string text)
    {
        var r = AmountParser.Parse(text);
        Assert.False(r.Ok);
        Assert.StartsWith($"金额“{text}”看不懂", r.Error);
        Assert.Contains("80万", r.Error);
    }

    [Theory]
    [InlineData("10万", 100_000)]
    [InlineData("10k", 10_000)]
    [InlineData("5000片", 5_000)]
    [InlineData("5000 pcs", 5_000)]
    [InlineData("5000个", 5_000)]
    [InlineData("1.5k", 1_500)]
    [InlineData("两千", 2_000)]
    [InlineData("100,000", 100_000)]
    public void QuantitiesAreWholeCounts(string text, long expected)
    {
        Assert.True(QuantityParser.TryParse(text, out var q), text);
        Assert.Equal(expected, q);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("0")]
    [InlineData("很多")]
    [InlineData("10万元")]
    public void NotAQuantity(string text)
    {
        var r = QuantityParser.Parse(text);
        Assert.False(r.Ok);
        Assert.Contains("请写正整数", r.Error);
    }

    [Theory]
    [InlineData("0.35", 0.35)]
    [InlineData("¥0.35", 0.35)]
    [InlineData("0.35元", 0.35)]
    [InlineData("0.35元/片", 0.35)]
    [InlineData("0.0035", 0.0035)]
    [InlineData("8.2", 8.2)]
    public void PricesKeepFourDecimals(string text, double expected)
    {
        Assert.True(PriceParser.TryParse(text, out var p), text);
        Assert.Equal((decimal)expected, p);
    }

    [Fact]
    public void NotAPrice() => Assert.Contains("单价“便宜”看不懂", PriceParser.Parse("便宜").Error);

    [Theory]
    [InlineData("Q12", CodeKind.Quote, 12)]
    [InlineData("q12", CodeKind.Quote, 12)]
    [InlineData("#12", CodeKind.Quote, 12)]
    [InlineData("12", CodeKind.Quote, 12)]
    [InlineData("S3", CodeKind.Sample, 3)]
    [InlineData("O7", CodeKind.Order, 7)]
    [InlineData("o7", CodeKind.Order, 7)]
    [InlineData("I5", CodeKind.Invoice, 5)]
    [InlineData("#12", CodeKind.Any, 12)]
    public void CodesReadTheirNumber(string text, CodeKind kind, int number)
    {
        var r = CodeParser.Parse(text, kind);
        Assert.True(r.Ok, r.Error);
        Assert.Equal(new DocCode(kind, number), r.Value);
    }

    [Fact]
    public void AnyCodeKeepsTheKindItWasWrittenWith() => Assert.Equal(new DocCode(CodeKind.Order, 7), CodeParser.Parse("O7", CodeKind.Any).Value);

    [Fact]
    public void AWrongKindOfCodeSaysWhichIsNeeded()
    {
        Assert.Equal("“O7”是订单编号，这里需要报价编号（例如 Q12）。", CodeParser.Parse("O7", CodeKind.Quote).Error);
        Assert.Equal("订单编号“X7”不对，例如 O12。", CodeParser.Parse("X7", CodeKind.Order).Error);
        Assert.False(CodeParser.Parse("Q0", CodeKind.Quote).Ok);
        Assert.False(CodeParser.Parse("Q99999999999", CodeKind.Quote).Ok);
        Assert.Equal("Q12", new DocCode(CodeKind.Quote, 12).ToString());
    }

    [Theory]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("一千零五", 1005)]
    [InlineData("一千五", 1500)]
    [InlineData("三百五", 350)]
    [InlineData("两万五千", 25000)]
    [InlineData("十二万三千四百", 123400)]
    public void ChineseNumerals(string text, int expected) => Assert.Equal(expected, Numerals.ChineseValue(text));

    [Theory]
    [InlineData("两三")]
    [InlineData("十百")]
    [InlineData("万")]
    public void ChineseNonsenseHasNoValue(string text) => Assert.Null(Numerals.ChineseValue(text));
}

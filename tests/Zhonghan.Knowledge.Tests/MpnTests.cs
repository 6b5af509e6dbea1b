using Zhonghan.Core.Parts;

namespace Zhonghan.Knowledge.Tests;

public class MpnTests
{
    [Theory]
    [InlineData("stm32f103c8t6", "STM32F103C8T6")]
    [InlineData("RC0603FR-0710KL", "RC0603FR0710KL")]
    [InlineData("LM2596S-5.0/NOPB", "LM2596S50NOPB")]
    [InlineData("GRM188R71H104KA93D", "GRM188R71H104KA93D")]
    [InlineData("10µF", "10UF")]
    [InlineData("ＳＴＭ３２Ｆ１０３", "STM32F103")]
    [InlineData(" tps 54331-dr ", "TPS54331DR")]
    public void NormalFormFoldsCaseSeparatorsMicroAndFullWidth(string raw, string expected) =>
        Assert.Equal(expected, Mpn.Norm(raw));

    [Theory]
    [InlineData("LT1763CS8-3.3#PBF", "LT1763CS833")]
    [InlineData("LTC2850CMS8#TRPBF", "LTC2850CMS8")]
    [InlineData("LTC2451CTS8#TRMPBF", "LTC2451CTS8")]
    [InlineData("LM321MFX/NOPB", "LM321MFX")]
    [InlineData("LM317MDT-TR", "LM317MDT")]
    [InlineData("LM2596S-5.0/TR", "LM2596S50")]
    [InlineData("BAT54S,215", "BAT54S")]
    [InlineData("TJA1051T/3,118", "TJA1051T3")]
    [InlineData("ADM1485ARZ-REEL7", "ADM1485ARZ")]
    [InlineData("AD7124-4BCPZ-RL7", "AD71244BCPZ")]
    [InlineData("MAX3485ESA+T", "MAX3485ESA")]
    [InlineData("MAX13487EESA+", "MAX13487EESA")]
    [InlineData("STM32F103C8T6TR", "STM32F103C8T6")]
    [InlineData("SI2302CDS-T1-GE3", "SI2302CDST1")]
    public void BaseFormStripsPackagingSuffixes(string raw, string expected) =>
        Assert.Equal(expected, Mpn.Base(raw));

    [Theory]
    [InlineData("IPB065N15N3GATMA1-VB", "IPB065N15N3GATMA1VB")]   // a second-source maker's part, not packaging
    [InlineData("LM5109BMAX-JSM", "LM5109BMAXJSM")]
    [InlineData("MCP6002-I/SN", "MCP6002ISN")]                 // Microchip /SN is the package: a different orderable part
    [InlineData("2N7002", "2N7002")]
    [InlineData("L7805TR", "L7805TR")]                         // too short to tell TR from the part: kept
    public void BaseFormKeepsSuffixesThatNameAnotherPart(string raw, string expected) =>
        Assert.Equal(expected, Mpn.Base(raw));

    [Fact]
    public void SamePartInTwoPackagingsHasOneBase() =>
        Assert.Equal(Mpn.Base("LTC2865HMSE#PBF"), Mpn.Base("LTC2865HMSE#TRPBF"));

    [Fact]
    public void APrefixIsNotTheSamePart()
    {
        // 1.5KE15 (15 V TVS) is a prefix of 1.5KE150CA (150 V): identity must not follow from a prefix.
        Assert.NotEqual(Mpn.Base("1.5KE15"), Mpn.Base("1.5KE150CA"));
        Assert.StartsWith(Mpn.Norm("1.5KE15"), Mpn.Norm("1.5KE150CA"));
    }
}

public class PartTokenTests
{
    [Fact]
    public void PartNumbersAreTakenOutOfAChineseSentence()
    {
        var tokens = PartTokens.Find("请问STM32F103C8T6有现货吗？还有tps54331-dr");
        Assert.Equal(["STM32F103C8T6", "TPS54331DR"], tokens.Select(t => t.Norm).Order());
        Assert.All(tokens, t => Assert.True(t.Strong));
    }

    [Fact]
    public void ValuesPackagesAndSizesAreWeak()
    {
        var tokens = PartTokens.Find("GRM188R71H104KA93D 0603 100nF 50V X7R SOT-23 LQFP-48 3.3V 570kHz");
        Assert.Equal("GRM188R71H104KA93D", tokens.Single(t => t.Strong).Norm);
        Assert.Contains(tokens, t => t.Norm == "SOT23" && !t.Strong);
        Assert.DoesNotContain(tokens, t => t.Norm == "50V" && t.Strong);
    }

    [Fact]
    public void AnNxpPackingCodeStaysWithThePartButAListCommaSplits()
    {
        Assert.Equal("BAT54S215", PartTokens.Find("BAT54S,215 的交期").Single().Norm);
        Assert.Equal(["STM32F103C8T6", "TPS54331DR"], PartTokens.Find("STM32F103C8T6,TPS54331DR").Select(t => t.Norm).Order());
    }

    [Fact]
    public void ABracketedMakerAfterThePartIsAlsoTriedWithoutIt()
    {
        var norms = PartTokens.Find("LM2576HVS-5.0（UMW）").Select(t => t.Norm).ToList();
        Assert.Contains("LM2576HVS50UMW", norms);
        Assert.Contains("LM2576HVS50", norms);
    }

    [Fact]
    public void ChineseWithoutPartNumbersHasNone() => Assert.Empty(PartTokens.Find("有没有 3A 的同步降压芯片"));
}

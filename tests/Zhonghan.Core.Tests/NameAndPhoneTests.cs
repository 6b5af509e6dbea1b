using Zhonghan.Core.Customers;

namespace Zhonghan.Core.Tests;

/// <summary>Issue 11, item 6: hidden characters leave names; phones are checked by their real formats.</summary>
public class NameTextTests
{
    [Theory]
    [InlineData("RTL\u202E司公限有技科", "RTL司公限有技科")]
    [InlineData("深圳\u200B汇川\u200D技术\uFEFF股份有限公司", "深圳汇川技术股份有限公司")]
    [InlineData("\u2066王工\u2069", "王工")]
    [InlineData("Acme\tPower\r\n  Co., Ltd.\u0007", "Acme Power Co., Ltd.")]
    [InlineData("  上海众韩  ", "上海众韩")]
    [InlineData("张三", "张三")]
    [InlineData(null, "")]
    public void ControlZeroWidthAndBidiCharactersAreStripped(string? raw, string clean) =>
        Assert.Equal(clean, NameText.Clean(raw));

    [Fact]
    public void TheAuditKeepsTheRawTextWithHiddenCharactersWrittenOut()
    {
        Assert.Equal("RTL司公限有技科（原文 RTL\\u202E司公限有技科）", NameText.ForAudit("RTL司公限有技科", "RTL\u202E司公限有技科"));
        Assert.Equal("汇川", NameText.ForAudit("汇川", " 汇川 "));
    }
}

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("021-6888 1234", "02168881234")]
    [InlineData("(0755) 2345 6789", "075523456789")]
    [InlineData("010-8888 6666 转 123", "01088886666")]
    [InlineData("021-68881234 ext. 8", "02168881234")]
    [InlineData("+86 21 6888 1234", "02168881234")]
    [InlineData("+886 912 345 678", "+886912345678")]
    [InlineData("00886-2-2345-6789", "+886223456789")]
    [InlineData("+886 (02) 2345 6789", "+886223456789")]
    [InlineData("+1 408 555 0100", "+14085550100")]
    public void RealFormatsAreAccepted(string phone, string key)
    {
        Assert.Null(PhoneNumber.Problem(phone));
        Assert.Equal(key, PhoneNumber.Normalize(phone));
    }

    [Theory]
    [InlineData("138abcd0000", "字母")]
    [InlineData("1380013800O", "字母")]
    [InlineData("12345", "无效")]
    [InlineData("23456789", "无效")]
    [InlineData("12800138000", "无效")]
    [InlineData("+886 123", "无效")]
    [InlineData("138;00138000", "无效")]
    public void OtherInputIsRefusedWithAClearMessage(string phone, string why)
    {
        Assert.Contains(why, PhoneNumber.Problem(phone));
        Assert.Equal("", PhoneNumber.Normalize(phone));
    }

    [Theory]
    [InlineData("138abcd0000", true)]
    [InlineData("021-6888 1234 转 12", true)]
    [InlineData("王工", false)]
    [InlineData("3M中国有限公司", false)]
    public void ATokenMeantAsAPhoneIsRecognised(string token, bool phone) => Assert.Equal(phone, PhoneNumber.LooksLikePhone(token));
}

using Zhonghan.Core.Customers;

namespace Zhonghan.Core.Tests;

public class CompanyNameTests
{
    [Theory]
    [InlineData("深圳市汇川技术股份有限公司", "深圳市汇川技术")]
    [InlineData("深圳市汇川技术有限公司", "深圳市汇川技术")]
    [InlineData("深圳市 汇川技术 股份 有限公司", "深圳市汇川技术")]
    [InlineData("深圳市汇川技术（股份）有限公司", "深圳市汇川技术")]
    [InlineData("深圳市汇川技术(股份)有限公司", "深圳市汇川技术")]
    [InlineData("ＡＢＣ电子有限公司", "abc电子")]
    [InlineData("abc电子有限责任公司", "abc电子")]
    [InlineData("Acme Electronics Co., Ltd.", "acmeelectronics")]
    [InlineData("ACME ELECTRONICS CO LTD", "acmeelectronics")]
    [InlineData("Acme Electronics Limited", "acmeelectronics")]
    [InlineData("Acme Electronics, Inc.", "acmeelectronics")]
    [InlineData("Cisco", "cisco")]
    [InlineData("Texas Instruments Incorporated", "texasinstruments")]
    public void KeyFoldsWidthCaseSpacesBracketsAndLegalSuffixes(string name, string key) =>
        Assert.Equal(key, CompanyName.Key(name));

    [Theory]
    [InlineData("深圳市汇川技术股份有限公司", "汇川技术")]
    [InlineData("上海电气自动化设计研究所有限公司", "电气自动化设计研究所")]
    [InlineData("浙江正泰电器股份有限公司", "正泰电器")]
    [InlineData("中国中车股份有限公司", "中车")]
    [InlineData("上海", "上海")]
    public void CoreKeyDropsALeadingRegion(string name, string core) =>
        Assert.Equal(core, CompanyName.CoreKey(name));

    [Theory]
    [InlineData("138-0013-8000", "13800138000")]
    [InlineData("+86 138 0013 8000", "13800138000")]
    [InlineData("0086 13800138000", "13800138000")]
    [InlineData("021-6888 1234", "02168881234")]
    [InlineData("１３８００１３８０００", "13800138000")]
    [InlineData("12345", "")]
    [InlineData(null, "")]
    public void PhonesAreComparedByTheirDigits(string? phone, string normalized) =>
        Assert.Equal(normalized, PhoneNumber.Normalize(phone));
}

public class CompanyShortNameTests
{
    [Theory]
    [InlineData("深圳市汇川技术股份有限公司", "汇川技术")]
    [InlineData("浙江正泰电器股份有限公司", "正泰电器")]
    [InlineData("Acme Power Co., Ltd.", "Acme Power Co., Ltd.")]
    [InlineData("上海", "上海")]
    [InlineData("汇川", "汇川")]
    public void ShortNamesDropRegionAndLegalForm(string name, string shortName) =>
        Assert.Equal(shortName, Zhonghan.Core.Customers.CompanyName.Short(name));
}

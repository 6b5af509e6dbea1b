using Zhonghan.Core.Customers;

namespace Zhonghan.Core.Tests;

public class DedupeTests
{
    [Theory]
    [InlineData("深圳市汇川技术有限公司")]
    [InlineData("深圳市汇川技术（股份）有限公司")]
    [InlineData("深圳市 汇川技术股份有限公司")]
    [InlineData("汇川技术")]
    [InlineData("深圳汇川技术股份有限公司")]
    public void TheSameCompanyIsNotCreatedTwice(string variant)
    {
        using var crm = new Crm();
        var first = crm.Lead(crm.Alice, "深圳市汇川技术股份有限公司");
        var again = crm.Customers.CreateLead(crm.As(crm.Bob), new LeadInput { Company = variant });
        Assert.True(again.IsDuplicate);
        Assert.Equal(first.Id, again.Existing!.Id);
        Assert.Equal("name", again.MatchedOn);
        Assert.Equal(1, crm.CustomerCount);
    }

    [Fact]
    public void EnglishNamesDifferingOnlyInLegalFormAreTheSame()
    {
        using var crm = new Crm();
        crm.Lead(crm.Alice, "Acme Electronics Co., Ltd.");
        Assert.True(crm.Customers.CreateLead(crm.As(crm.Alice), new LeadInput { Company = "ACME ELECTRONICS LIMITED" }).IsDuplicate);
        Assert.False(crm.Customers.CreateLead(crm.As(crm.Alice), new LeadInput { Company = "Acme Motors Co., Ltd." }).IsDuplicate);
    }

    [Fact]
    public void TheSamePhoneUnderAnotherNameIsADuplicate()
    {
        using var crm = new Crm();
        var first = crm.Lead(crm.Alice, "宁波三星医疗电气股份有限公司", "138-0013-8000", "蒋经理");
        var again = crm.Customers.CreateLead(crm.As(crm.Carol), new LeadInput { Company = "三星医疗宁波分部", Phone = "+86 13800138000" });
        Assert.True(again.IsDuplicate);
        Assert.Equal("phone", again.MatchedOn);
        Assert.Equal(first.Id, again.Existing!.Id);
    }

    [Fact]
    public void DifferentCompaniesAreCreated()
    {
        using var crm = new Crm();
        crm.Lead(crm.Alice, "浙江正泰电器股份有限公司");
        Assert.False(crm.Customers.CreateLead(crm.As(crm.Alice), new LeadInput { Company = "正泰新能源开发有限公司" }).IsDuplicate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("有限公司")]
    [InlineData("A")]
    public void NamesWithoutSubstanceAreRefused(string name)
    {
        using var crm = new Crm();
        Assert.Throws<CrmException>(() => crm.Customers.CreateLead(crm.As(crm.Alice), new LeadInput { Company = name }));
    }

    [Fact]
    public void AnInvalidPhoneIsRefusedNotStored()
    {
        using var crm = new Crm();
        Assert.Throws<CrmException>(() => crm.Customers.CreateLead(crm.As(crm.Alice), new LeadInput { Company = "甲电子有限公司", Phone = "12ab" }));
        Assert.Equal(0, crm.CustomerCount);
    }
}

namespace Zhonghan.Core.Tests;

public class FinderTests
{
    [Fact]
    public void AUniquePartialNameFindsTheCustomer()
    {
        using var crm = new Crm();
        var c = crm.Lead(crm.Alice, "深圳市汇川技术股份有限公司");
        crm.Lead(crm.Alice, "浙江正泰电器股份有限公司");
        foreach (var typed in new[] { "汇川", "汇川技术", "深圳汇川", "深圳市汇川技术股份有限公司", $"#{c.Id}", "“汇川”" })
            Assert.Equal(c.Id, crm.Finder.Find(crm.Alice, typed).Match?.Id);
    }

    [Fact]
    public void AnAmbiguousNameGivesTheCandidates()
    {
        using var crm = new Crm();
        var a = crm.Lead(crm.Alice, "浙江正泰电器股份有限公司");
        var b = crm.Lead(crm.Alice, "正泰新能源开发有限公司");
        var found = crm.Finder.Find(crm.Alice, "正泰");
        Assert.True(found.IsAmbiguous);
        Assert.Equal(new[] { a.Id, b.Id }.Order(), found.Candidates.Select(c => c.Id).Order());
    }

    [Fact]
    public void ASubstringOfTheRepsOwnCustomersIsFound()
    {
        using var crm = new Crm();
        var c = crm.Lead(crm.Alice, "杭州海康威视数字技术股份有限公司");
        Assert.Equal(c.Id, crm.Finder.Find(crm.Alice, "威视").Match?.Id);
    }

    [Fact]
    public void OtherRepsCustomersAreNeverFoundNorCounted()
    {
        using var crm = new Crm();
        crm.Lead(crm.Carol, "正泰新能源开发有限公司");
        var mine = crm.Lead(crm.Alice, "浙江正泰电器股份有限公司");
        // Carol's customer is invisible to Alice: the name is not ambiguous for her.
        Assert.Equal(mine.Id, crm.Finder.Find(crm.Alice, "正泰").Match?.Id);
        Assert.True(crm.Finder.Find(crm.Bob, "正泰").NotFound);
        Assert.True(crm.Finder.Find(crm.Bob, $"#{mine.Id}").NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("#abc")]
    [InlineData("#999999")]
    [InlineData("不存在的公司")]
    [InlineData("!!!")]
    public void NothingMatchesNonsense(string typed)
    {
        using var crm = new Crm();
        crm.Lead(crm.Alice, "浙江正泰电器股份有限公司");
        Assert.True(crm.Finder.Find(crm.Alice, typed).NotFound);
    }
}

using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Knowledge.Tests;

public class WordSearchTests
{
    [Fact]
    public async Task TheRecordWithMoreAndRarerQueryWordsRanksFirst()
    {
        using var kb = new TestKb();
        kb.Write("parts.csv", "MPN,Description\n" +
            "AAA1001,Synchronous Buck converter 3A 28V\n" +
            "AAA1002,Buck converter 1A 28V\n" +
            "AAA1003,LDO regulator 3A\n" +
            "AAA1004,Boost converter 5A 12V\n");
        kb.ImportFiles();
        var hits = (await kb.SearchAsync("synchronous buck 28V", 4)).Hits;
        Assert.Equal(["AAA1001", "AAA1002"], hits.Select(h => h.Record.Mpn));
        Assert.All(hits, h => Assert.Equal(MatchKind.Text, h.Match));
        Assert.Equal(1.0, hits[0].Score);
        Assert.True(hits[1].Score < 1.0);
    }

    [Fact]
    public async Task ATitleWordCountsOnceHoweverOftenTheTitleRepeatsIt()
    {
        using var kb = new TestKb();
        kb.Write("a.md", "# 交期说明\n## 交期查询\n发型号即可查询。\n## 原厂交期\n期货交期以原厂为准，交期会变化，下单前确认交期。\n");
        kb.ImportFiles();
        Assert.Equal("交期说明 › 原厂交期", (await kb.SearchAsync("交期")).Hits[0].Record.Title);
    }

    [Fact]
    public async Task WordsFromNoRecordFindNothing() =>
        Assert.Empty((await new TestKb().SearchAsync("完全无关的问题")).Hits);
}

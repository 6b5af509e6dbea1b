using Zhonghan.Testing;

namespace Zhonghan.Knowledge.Tests;

/// <summary>Reps ask the same way: 查 &lt;型号&gt;, or just the question; typos of commands are not swallowed.</summary>
public sealed class RepQuestionTests : IAsyncLifetime
{
    private ChatHarness bot = null!;

    public async Task InitializeAsync() => bot = await ChatHarness.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task ChaWithAPartNumberShowsItsFacts()
    {
        var text = await bot.SendAsync("zhangsan", "查 STM32F103C8T6");
        Assert.Contains("库存：12000", text);
        Assert.Contains("来源：演示目录.csv 第2行", text);
    }

    [Fact]
    public async Task ChaGluedToAFamilyStemOffersButtons()
    {
        var reply = (await bot.TurnAsync("zhangsan", "查STM32F103")).Replies.Single();
        Assert.Equal(["查 STM32F103C8T6", "查 STM32F103RCT6"], reply.Card!.Actions.Select(a => a.Payload["text"]));
        var pressed = await bot.PressAsync("zhangsan", reply.Card.Actions[1]);
        Assert.Contains("📦 STM32F103RCT6", pressed.Replies.Single().Text);
    }

    [Fact]
    public async Task APlainProductQuestionIsAnswered()
    {
        var text = await bot.SendAsync("sunqi", "tps54331 交期多久");
        Assert.Contains("TPS54331DR", text);
        Assert.Contains("是这个型号吗", text);
        Assert.Contains("1 到 3 个工作日", await bot.SendAsync("sunqi", "样品多久能到？"));
    }

    [Theory]
    [InlineData("跟近 汇川 拜访了王工")]
    [InlineData("客护 汇川")]
    [InlineData("好的")]
    public async Task ATypoOfACommandStillGetsTheFallback(string text) =>
        Assert.StartsWith("没看懂", await bot.SendAsync("zhangsan", text));

    [Fact]
    public async Task HelpListsTheChaCommand() => Assert.Contains("查 <型号或问题>", await bot.SendAsync("zhangsan", "帮助"));

    [Fact]
    public async Task ChaWithoutAQueryAsksForOne()
    {
        Assert.Contains("查什么型号", await bot.SendAsync("zhangsan", "查"));
        Assert.Contains("📦 AO3400A", await bot.SendAsync("zhangsan", "ao3400a"));
    }
}

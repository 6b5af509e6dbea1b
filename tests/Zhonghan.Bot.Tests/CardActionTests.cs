using Microsoft.Extensions.DependencyInjection;
using Zhonghan.Bot.Hosting;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>One-shot decision buttons: pressed twice, or by someone who may not, they do nothing harmful and say why.</summary>
public class CardActionTests : IAsyncLifetime
{
    private ChatHarness bot = null!;
    private Counter counter = null!;

    public async Task InitializeAsync()
    {
        bot = await ChatHarness.StartAsync(configure: b => b.Services.AddActionHandler<Counter>());
        counter = bot.Get<Counter>();
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    private (CardAction Approve, CardAction Reject) IssueCard(params string[] allowed)
    {
        var users = bot.Get<UserDirectory>();
        var tokens = bot.Get<ActionTokens>().Issue(
            [("test.count", new() { ["decision"] = "同意" }), ("test.count", new() { ["decision"] = "驳回" })],
            allowed.Select(a => users.ByLocalName(a)!.Id));
        return (CardAction.Token("同意", tokens[0].Id), CardAction.Token("驳回", tokens[1].Id));
    }

    [Fact]
    public async Task PressingTwiceActsOnce()
    {
        var (approve, _) = IssueCard("lisi");
        var first = await bot.PressAsync("lisi", approve);
        var second = await bot.PressAsync("lisi", approve);
        Assert.Equal("已同意 · 李四", first.Replies.Single().Card!.Outcome);
        Assert.Contains("已经处理过了：已同意 · 李四", second.Replies.Single().Text);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task TheOtherButtonOfADecidedCardDoesNothing()
    {
        var (approve, reject) = IssueCard("lisi");
        await bot.PressAsync("lisi", approve);
        Assert.Contains("已经处理过了", (await bot.PressAsync("lisi", reject)).Replies.Single().Text);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task SomeoneWhoMayNotPressIsRefusedAndTheButtonStaysUsable()
    {
        var (approve, _) = IssueCard("lisi");
        Assert.Contains("不归你处理", (await bot.PressAsync("zhangsan", approve)).Replies.Single().Text);
        Assert.Equal(0, counter.Count);
        Assert.Equal("已同意 · 李四", (await bot.PressAsync("lisi", approve)).Replies.Single().Card!.Outcome);
    }

    [Fact]
    public async Task SimultaneousPressesActOnce()
    {
        var (approve, reject) = IssueCard("lisi");
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => bot.PressAsync("lisi", i % 2 == 0 ? approve : reject)));
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task AnUnknownTokenSaysTheButtonNoLongerWorks()
    {
        var reply = await bot.PressAsync("lisi", CardAction.Token("同意", "nope"));
        Assert.Contains("按钮已失效", reply.Replies.Single().Text);
    }

    public sealed class Counter : IActionHandler
    {
        private int count;
        public int Count => count;
        public string Kind => "test.count";

        public async Task<ActionOutcome> HandleAsync(TurnContext ctx, ActionToken token, CancellationToken ct)
        {
            await Task.Yield(); // let a racing press run meanwhile: only the card's lock keeps them apart
            Interlocked.Increment(ref count);
            var outcome = $"已{token.Data["decision"]} · {ctx.User.Name}";
            return new ActionOutcome
            {
                Outcome = outcome,
                Replies = [new Reply { Text = outcome, UpdatesCard = true, Card = new Card { Title = "报价审批", Outcome = outcome } }],
            };
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Zhonghan.Bot.Hosting;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

public class PipelineTests
{
    [Fact]
    public async Task AMessageDeliveredTwiceHasOneEffectAndTheSameAnswer()
    {
        await using var bot = await ChatHarness.StartAsync();
        var first = await bot.TurnAsync("zhangsan", "跟进 汇川 电话沟通", messageId: "wx-1");
        var again = await bot.TurnAsync("zhangsan", "跟进 汇川 电话沟通", messageId: "wx-1");
        var third = await bot.TurnAsync("zhangsan", "跟进 汇川 电话沟通", messageId: "wx-1");

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.True(third.Duplicate);
        Assert.Equal(first.Replies.Single().Text, again.Replies.Single().Text);
        Assert.Equal(1, bot.Get<CustomerService>().Timeline(1).Count(f => f.Note == "电话沟通"));
    }

    [Fact]
    public async Task ConcurrentDeliveriesOfOneMessageHaveOneEffect()
    {
        await using var bot = await ChatHarness.StartAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => bot.TurnAsync("zhangsan", "跟进 汇川 并发测试", messageId: "wx-2"))));
        Assert.Single(results, r => !r.Duplicate);
        Assert.Equal(1, bot.Get<CustomerService>().Timeline(1).Count(f => f.Note == "并发测试"));
    }

    [Fact]
    public async Task AnUnexpectedErrorBecomesAnApologyWithAReferenceInTheLog()
    {
        await using var bot = await ChatHarness.StartAsync(configure: b => b.Services.AddRoute<ThrowingRoute>());
        var result = await bot.TurnAsync("zhangsan", "boom");
        var text = result.Replies.Single().Text;
        Assert.Contains($"参考编号：{result.TurnId}", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        var log = Directory.GetFiles(Path.Combine(bot.DataDir, "logs")).Single();
        // The file sink is not buffered: the line is on disk when the turn's logging call returns.
        var content = await ReadSharedAsync(log);
        Assert.Contains(result.TurnId, content);
        Assert.Contains("kaboom", content);
        // The next turn works normally.
        Assert.Contains("众韩助手命令", (await bot.TurnAsync("zhangsan", "帮助")).Replies.Single().Text);
    }

    [Fact]
    public async Task OpeningTheBotGetsAWelcomeAndTheHelp()
    {
        await using var bot = await ChatHarness.StartAsync();
        var result = await Process(bot, new Turn
        {
            Channel = Channels.Local, MessageId = "w1", SenderId = "zhangsan", Address = ConversationAddress.For(Channels.Local, "zhangsan"),
            Kind = TurnKind.Welcome,
        });
        Assert.Contains("张三，你好", result.Replies[0].Text);
        Assert.Contains("跟进 <公司>", result.Replies[1].Text);
    }

    [Fact]
    public async Task AnImageGetsAPoliteNoteThatOnlyTextIsHandled()
    {
        await using var bot = await ChatHarness.StartAsync();
        var result = await Process(bot, new Turn
        {
            Channel = Channels.Local, MessageId = "i1", SenderId = "zhangsan", Address = ConversationAddress.For(Channels.Local, "zhangsan"),
            Kind = TurnKind.Unsupported, UnsupportedType = "image",
        });
        Assert.Contains("收到你的图片，不过我目前只能处理文字消息", result.Replies.Single().Text);
    }

    [Fact]
    public async Task AnUnknownWeComUserIsToldToAskAnAdmin()
    {
        await using var bot = await ChatHarness.StartAsync();
        var result = await Process(bot, new Turn
        {
            Channel = Channels.WeCom, MessageId = "u1", SenderId = "stranger", Address = ConversationAddress.For(Channels.WeCom, "stranger"), Text = "帮助",
        });
        Assert.Contains("还没有开通众韩助手，请联系管理员", result.Replies.Single().Text);
    }

    [Fact]
    public async Task TheUsersAddressIsRememberedForProactiveMessages()
    {
        await using var bot = await ChatHarness.StartAsync();
        await bot.TurnAsync("lisi", "帮助");
        var lisi = bot.Get<UserDirectory>().ByLocalName("lisi")!;
        Assert.Equal(Channels.Local, bot.Get<Notifier>().AddressOf(lisi)!.Channel);
        await bot.Get<Notifier>().NotifyAsync(lisi, Reply.Of("请审批"), CancellationToken.None);
        Assert.Equal("请审批", bot.Inbox("lisi").Single().Text);
    }

    [Fact]
    public async Task ACommandButtonRunsItsCommand()
    {
        await using var bot = await ChatHarness.StartAsync();
        var card = (await bot.TurnAsync("zhangsan", "我的线索")).Replies.Single().Card!;
        var next = await bot.PressAsync("zhangsan", card.Actions.Single(a => a.Title == "下一页"));
        Assert.Contains("第 2/2 页", next.Replies.Single().Text);
    }

    [Fact]
    public async Task AChoiceButtonAnswersTheQuestion()
    {
        await using var bot = await ChatHarness.StartAsync();
        var card = (await bot.TurnAsync("zhangsan", "客户 正泰")).Replies.Single().Card!;
        var chosen = await bot.PressAsync("zhangsan", card.Actions[0]);
        Assert.Equal(card.Lines[0][3..], chosen.Replies.Single().Card!.Title);
    }

    private static Task<TurnResult> Process(ChatHarness bot, Turn turn) => bot.Get<IBot>().OnTurnAsync(turn, CancellationToken.None);

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private sealed class ThrowingRoute : IRoute
    {
        public int Order => RouteOrder.Dialog - 1;
        public Task<IReadOnlyList<Reply>?> TryHandleAsync(TurnContext ctx, CancellationToken ct) =>
            ctx.Text == "boom" ? throw new InvalidOperationException("kaboom") : Task.FromResult<IReadOnlyList<Reply>?>(null);
    }
}

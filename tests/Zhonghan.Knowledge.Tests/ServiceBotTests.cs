using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Storage;
using Zhonghan.Testing;

namespace Zhonghan.Knowledge.Tests;

/// <summary>Scripted conversations of customers with the service bot (local chat as 客户-…), demo data and demo knowledge.</summary>
public sealed class ServiceBotTests : IAsyncLifetime
{
    private ChatHarness bot = null!;

    public async Task InitializeAsync() => bot = await ChatHarness.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    private IReadOnlyList<Customer> ServiceLeads() => bot.Get<DocumentStore>().AllCustomers().Where(c => c.Source == "客服").ToList();

    /// <summary>Hand-over notices, by rep, that arrived in the local channel.</summary>
    private Dictionary<string, List<Reply>> Notices() =>
        new[] { "zhangsan", "sunqi" }.ToDictionary(u => u, u => bot.Inbox(u).ToList());

    [Fact]
    public async Task AnUnknownCustomerAskingAboutAKnownPartGetsTheFactsAndBecomesALead()
    {
        var reply = await bot.TurnAsync("客户-王先生", "STM32F103C8T6 有现货吗？");
        var text = reply.Replies.Single().Text;
        Assert.Contains("库存：12000", text);
        Assert.Contains("来源：演示目录.csv", text);
        Assert.False(reply.Replies.Single().HandOverToHuman);

        var lead = Assert.Single(ServiceLeads());
        Assert.Contains("王先生", lead.Company);
        var followUp = Assert.Single(bot.Get<CustomerService>().Timeline(lead.Id));
        Assert.Equal("客服咨询：STM32F103C8T6 有现货吗？", followUp.Note);
        var owner = bot.Get<UserDirectory>().Get(lead.OwnerId!.Value)!;
        Assert.True(owner.OnDuty);
        var notice = Assert.Single(Notices()[owner.LocalName]);
        Assert.Contains("新客服线索", notice.Text);
        Assert.Equal(lead.Id, bot.Get<ExternalContacts>().Get(Channels.Local, "客户-王先生")!.CustomerId);

        // A second question does not make a second lead.
        await bot.SendAsync("客户-王先生", "TPS54331DR 呢");
        Assert.Single(ServiceLeads());
    }

    [Fact]
    public async Task AFamilyStemIsAnsweredWithCandidatesAndTheNumberPicksOne()
    {
        var first = (await bot.TurnAsync("客户-李工", "STM32F103 有货吗")).Replies.Single();
        Assert.Contains("哪一个", first.Text);
        Assert.Equal(["STM32F103C8T6", "STM32F103RCT6"], first.Card!.Actions.Select(a => a.Payload["text"]));

        var picked = await bot.SendAsync("客户-李工", "2");
        Assert.Contains("📦 STM32F103RCT6", picked);
        Assert.Contains("库存：2600", picked);

        var pressed = await bot.PressAsync("客户-李工", first.Card.Actions[0]);
        Assert.Contains("📦 STM32F103C8T6", pressed.Replies.Single().Text);
    }

    [Fact]
    public async Task AnUnknownPartIsSaidPlainlyAndTheCustomerCanAskForAPerson()
    {
        var first = (await bot.TurnAsync("客户-赵总", "ESP32-WROOM-32E 有吗")).Replies.Single();
        Assert.Contains("目录中没有“ESP32-WROOM-32E”", first.Text);
        Assert.DoesNotContain("库存", first.Text);
        Assert.Equal("转人工", first.Card!.Actions.Single().Payload["text"]);
        Notices();   // the new-lead notice is not what this test is about

        var handed = (await bot.PressAsync("客户-赵总", first.Card.Actions.Single())).Replies.Single();
        Assert.True(handed.HandOverToHuman);
        Assert.Contains("已为您转接销售", handed.Text);
        var notice = Notices().Values.SelectMany(v => v).Single();
        Assert.Contains("客户要求转人工", notice.Text);
        Assert.Contains("问题：ESP32-WROOM-32E 有吗", notice.Text);
        Assert.Contains("客户：ESP32-WROOM-32E 有吗", notice.Card!.Lines[0]);
        Assert.Single(ServiceLeads());
    }

    [Fact]
    public async Task AGeneralQuestionIsAnsweredFromTheFaqWithoutMakingALead()
    {
        var text = await bot.SendAsync("客户-周小姐", "报价一般要多久？");
        Assert.Contains("1 个工作日内报价", text);
        Assert.Contains("来源：报价流程.md › 报价时效", text);
        Assert.Empty(ServiceLeads());
        Assert.All(Notices().Values, Assert.Empty);
    }

    [Fact]
    public async Task AQuestionTheBotCannotAnswerIsHandedOverAndNothingIsLost()
    {
        var reply = (await bot.TurnAsync("客户-钱经理", "你们能开增值税专用发票吗")).Replies.Single();
        Assert.StartsWith("不确定", reply.Text);
        Assert.True(reply.HandOverToHuman);
        var notice = Notices().Values.SelectMany(v => v).Single();
        Assert.Contains("机器人不确定", notice.Text);
        var lead = Assert.Single(ServiceLeads());
        Assert.Equal("客服咨询：你们能开增值税专用发票吗", bot.Get<CustomerService>().Timeline(lead.Id).Single().Note);

        // What the customer adds next also reaches the rep.
        await bot.SendAsync("客户-钱经理", "我们是宁波某某电器，电话 13800138000");
        var more = Notices().Values.SelectMany(v => v).Single();
        Assert.Contains("客户补充", more.Text);
        Assert.Contains("13800138000", more.Text);
    }

    [Fact]
    public async Task AKnownCustomersHandOverGoesToTheOwnerWithTheHistory()
    {
        var db = bot.Get<DocumentStore>();
        var chint = db.AllCustomers().Single(c => c.Company == "浙江正泰电器股份有限公司");
        bot.Get<ExternalContacts>().Link(Channels.Local, "客户-陈经理", chint.Id);
        var before = bot.Get<CustomerService>().Timeline(chint.Id, 50).Count;

        await bot.SendAsync("客户-陈经理", "TJA1051T/3 交期多久");
        var reply = (await bot.TurnAsync("客户-陈经理", "转人工")).Replies.Single();

        Assert.Equal("已为您转接销售张三，TA 会尽快联系您。", reply.Text);
        var notice = Assert.Single(bot.Inbox("zhangsan"));
        Assert.Contains("问题：TJA1051T/3 交期多久", notice.Text);
        Assert.Contains("浙江正泰电器股份有限公司", notice.Card!.Fields.Single(f => f.Label == "客户").Value);
        Assert.Contains(notice.Card.Lines, l => l.StartsWith("机器人：") && l.Contains("TJA1051T/3,118"));
        Assert.Equal($"客户 #{chint.Id}", notice.Card.Actions.Single().Payload["text"]);
        Assert.Empty(bot.Inbox("sunqi"));
        Assert.Empty(ServiceLeads());
        // The part question and the hand-over are on the customer's timeline.
        Assert.Equal(before + 2, bot.Get<CustomerService>().Timeline(chint.Id, 50).Count);
    }
}

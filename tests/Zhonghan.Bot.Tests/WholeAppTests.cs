using Zhonghan.Storage.LiteDb;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Zhonghan.Bot.Hosting;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>The whole bot on Kestrel at 127.0.0.1, through its HTTP endpoints.</summary>
public class WholeAppTests
{
    [Fact]
    public async Task HealthzAnswersOk()
    {
        await using var bot = await TestBot.StartAsync();
        var response = await bot.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChatAnswersWithRepliesAndCards()
    {
        await using var bot = await TestBot.StartAsync();
        var help = await bot.ChatAsync("zhangsan", "帮助");
        Assert.Contains("跟进 <公司> <内容> [下次 <日期>]", help.Single());

        var lead = await bot.ChatAsync("zhangsan", "新建线索 珠海冠宇电池股份有限公司 罗工 13722223333");
        Assert.Contains("✅ 已新建线索：珠海冠宇电池股份有限公司", lead.Single());
        Assert.Contains("下次跟进：2026-12-02（周三）", (await bot.ChatAsync("zhangsan", "跟进 冠宇 拜访罗工 下次 后天")).Single());

        var card = (await bot.ChatRawAsync("zhangsan", "客户 冠宇")).Single().GetProperty("card");
        Assert.Equal("珠海冠宇电池股份有限公司", card.GetProperty("title").GetString());
        Assert.Contains(card.GetProperty("fields").EnumerateArray(), f => f.GetProperty("label").GetString() == "负责人" && f.GetProperty("value").GetString() == "张三");
        var button = card.GetProperty("actions").EnumerateArray().First(a => a.GetProperty("title").GetString() == "退回公海");
        Assert.Equal("cmd", button.GetProperty("id").GetString());
        Assert.Equal("Danger", button.GetProperty("style").GetString());
    }

    [Fact]
    public async Task AButtonIsPressedThroughTheSameEndpoint()
    {
        await using var bot = await TestBot.StartAsync();
        var card = (await bot.ChatRawAsync("zhangsan", "客户 正泰")).Single().GetProperty("card");
        var first = card.GetProperty("actions")[0];
        var payload = JsonSerializer.Deserialize<Dictionary<string, string>>(first.GetProperty("payload").GetRawText());
        var replies = await bot.ChatRawAsync("zhangsan", null, new { id = "cmd", payload });
        Assert.Contains("正泰", replies.Single().GetProperty("card").GetProperty("title").GetString());
    }

    [Fact]
    public async Task AResentMessageIdHasOneEffect()
    {
        await using var bot = await TestBot.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            var response = await bot.Http.PostAsJsonAsync("/api/chat", new { user = "zhangsan", text = "跟进 汇川 重发测试", id = "client-7" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var card = await bot.ChatAsync("zhangsan", "客户 汇川");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(card.Single(), "重发测试"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"user\":\"zhangsan\"}")]
    [InlineData("{\"text\":\"帮助\"}")]
    [InlineData("{\"user\":\"\",\"text\":\"帮助\"}")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"user\":123,\"text\":true}")]
    public async Task BadRequestsGetAClear400(string body)
    {
        await using var bot = await TestBot.StartAsync();
        var response = await bot.Http.PostAsync("/api/chat", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AHugeMessageIsRefused()
    {
        await using var bot = await TestBot.StartAsync();
        var response = await bot.Http.PostAsJsonAsync("/api/chat", new { user = "zhangsan", text = new string('x', 5000) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("消息太长", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ThePageAndTheUserListAreServed()
    {
        await using var bot = await TestBot.StartAsync();
        Assert.Contains("众韩助手", await bot.Http.GetStringAsync("/"));
        var users = await bot.Http.GetFromJsonAsync<JsonElement>("/api/chat/users");
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("id").GetString() == "lisi" && u.GetProperty("role").GetString() == "主管");
    }

    [Fact]
    public async Task ProactiveMessagesWaitInTheInbox()
    {
        await using var bot = await TestBot.StartAsync();
        var lisi = bot.Get<UserDirectory>().ByLocalName("lisi")!;
        await bot.Get<Notifier>().NotifyAsync(lisi, Reply.Of("有一张报价单待审批"), CancellationToken.None);
        var inbox = await bot.Http.GetFromJsonAsync<JsonElement>("/api/chat/inbox?user=lisi");
        Assert.Equal("有一张报价单待审批", inbox.GetProperty("replies")[0].GetProperty("text").GetString());
        var again = await bot.Http.GetFromJsonAsync<JsonElement>("/api/chat/inbox?user=lisi");
        Assert.Equal(0, again.GetProperty("replies").GetArrayLength());
    }

    [Fact]
    public async Task TheDataFolderHoldsOneLiteDbFileAndTheRollingLog()
    {
        var dir = new TempDir();
        await using (var bot = await TestBot.StartAsync(dataDir: dir))
            await bot.ChatAsync("zhangsan", "帮助");
        Assert.True(File.Exists(Path.Combine(dir.Path, "zhonghan.db")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir.Path, "logs"), "bot-*.log"));
        // Restart on the same folder: no second seeding, the data is intact.
        await using (var bot = await TestBot.StartAsync(dataDir: dir))
            Assert.Contains("共 15 个", (await bot.ChatAsync("zhangsan", "我的线索")).Single());
        dir.Dispose();
    }
}

public class SharedScriptThroughLocalChatTests
{
    [Fact]
    public async Task TheLeadToOpportunityScriptPassesThroughTheLocalChat()
    {
        await using var bot = await TestBot.StartAsync();
        var problems = await SharedScripts.RunAsync(SharedScripts.LeadToOpportunity, async text => string.Join("\n", await bot.ChatAsync("zhangsan", text)));
        Assert.Empty(problems);
    }
}

public class RestartTests
{
    [Fact]
    public async Task AMessageRetriedAfterARestartGetsTheSameAnswerAndActsOnce()
    {
        using var dir = new TempDir();
        string first;
        await using (var bot = await TestBot.StartAsync(dataDir: dir))
        {
            var response = await bot.Http.PostAsJsonAsync("/api/chat", new { user = "zhangsan", text = "跟进 汇川 重启前的跟进", id = "retry-1" });
            first = await response.Content.ReadAsStringAsync();
        }
        await using (var bot = await TestBot.StartAsync(dataDir: dir))
        {
            var response = await bot.Http.PostAsJsonAsync("/api/chat", new { user = "zhangsan", text = "跟进 汇川 重启前的跟进", id = "retry-1" });
            Assert.Equal(first, await response.Content.ReadAsStringAsync());
            var card = string.Join("\n", await bot.ChatAsync("zhangsan", "客户 汇川"));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(card, "重启前的跟进"));
        }
    }
}

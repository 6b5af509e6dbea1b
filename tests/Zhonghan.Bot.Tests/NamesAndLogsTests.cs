using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Serilog;
using Zhonghan.Bot.Hosting;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>Issue 11, item 6 as a conversation: what goes into names, phones and the audit line.</summary>
public class NamesAndPhonesScriptTests
{
    [Fact]
    public async Task HiddenCharactersLeaveNamesButStayInTheAuditAndPhonesAreChecked()
    {
        await using var chat = await ChatHarness.StartAsync();
        var created = await chat.SendAsync("zhangsan", "新建线索 RTL\u202E司公限有技科 \u200B王工 13812345678");
        Assert.Contains("已新建线索：RTL司公限有技科", created);
        var customer = chat.Get<Zhonghan.Storage.DocumentStore>().AllCustomers().Single(c => c.Company == "RTL司公限有技科");
        Assert.Equal("王工", customer.Contacts.Single().Name);
        var audit = chat.Get<AuditLog>().For($"customer:{customer.Id}").Single();
        Assert.Contains("RTL\\u202E司公限有技科", audit.Summary);

        Assert.Contains("字母", await chat.SendAsync("zhangsan", "新建线索 东莞某某电子有限公司 李工 138abcd0000"));
        Assert.Contains("已新建线索", await chat.SendAsync("zhangsan", "新建线索 台湾力积电子股份有限公司 林经理 +886912345678"));
        Assert.Contains("已添加联系人", await chat.SendAsync("zhangsan", "添加联系人 力积 陈工 采购 02-2345-6789"));
        Assert.Contains("无效", await chat.SendAsync("zhangsan", "添加联系人 力积 黄工 采购 12345678901"));
        Assert.Contains("已添加联系人", await chat.SendAsync("zhangsan", "添加联系人 汇川 周工 采购 021-6888-1234转567"));
    }

    [Fact]
    public async Task AUserNameOverSixtyFourCharactersGetsItsOwnMessage()
    {
        await using var bot = await TestBot.StartAsync();
        var response = await bot.Http.PostAsJsonAsync("/api/chat", new { user = new string('u', 65), text = "帮助" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("用户名太长", body);
        Assert.DoesNotContain("消息太长", body);
    }
}

/// <summary>Log files roll by size as well as by day.</summary>
public class LogFileCapTests
{
    [Fact]
    public void ALogFileOverTheSizeCapRollsToTheNextFile()
    {
        using var dir = new TempDir();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Zhonghan:LogFileSizeLimitBytes"] = "4000", ["Zhonghan:ConsoleLog"] = "false",
        }).Build();
        var lc = new LoggerConfiguration();
        BotConfiguration.ConfigureLogging(lc, config, dir.Path);
        using (var logger = lc.CreateLogger())
            for (var i = 0; i < 200; i++) logger.Warning("WeCom callback refused with {Status}: {Reason} {I}", 401, "signature", i);
        var files = Directory.GetFiles(Path.Combine(dir.Path, "logs"));
        Assert.True(files.Length > 1, $"expected the log to roll, got {files.Length} file(s)");
        // Serilog checks the cap before each event, so a file ends within one event (~100 bytes here) of it.
        Assert.All(files, f => Assert.InRange(new FileInfo(f).Length, 1, 4000 + 200));
    }
}

using Zhonghan.Storage;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Zhonghan.Bot.LocalChat;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>The web chat's greeting and its 导入线索 upload, through the real HTTP host.</summary>
public class LocalChatImportTests : IAsyncLifetime
{
    private TestBot bot = null!;

    public async Task InitializeAsync() => bot = await TestBot.StartAsync();
    public async Task DisposeAsync() => await bot.DisposeAsync();

    private async Task<JsonElement> Upload(string user, string text, string fileName, string content)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(user), "user" },
            { new StringContent(text), "text" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", fileName },
        };
        var response = await bot.Http.PostAsync("/api/chat/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replies")[0];
    }

    [Fact]
    public async Task AnAdminsUploadImportsTheLeadsAndLinksTheFullReport()
    {
        var reply = await Upload("admin", "导入线索 zhangsan", "展会线索.csv",
            "公司,联系人,电话,备注\n常州银河微电子股份有限公司,钱工,13611110001,展会\n深圳市汇川技术股份有限公司,吴工,13611110002,展会\n");
        var text = reply.GetProperty("text").GetString()!;
        Assert.StartsWith("📎 展会线索.csv\n✅ 导入完成：共 2 行，新建 1 条线索", text);
        Assert.Contains("分配：张三 1 条", text);
        Assert.Contains("- 重复 第3行 深圳市汇川技术股份有限公司：公司已存在", text);
        Assert.Contains("未识别的列（没有导入）：备注", text);
        var zhangsan = bot.Get<UserDirectory>().ByLocalName("zhangsan")!;
        Assert.Equal(zhangsan.Id, bot.Get<DocumentStore>().Customers.WithNameKey(CompanyName.Key("常州银河微电子股份有限公司"), 1).FirstOrDefault()!.OwnerId);

        var link = reply.GetProperty("files")[0];
        Assert.Equal("下载完整报告（.xlsx）", link.GetProperty("name").GetString());
        var download = await bot.Http.GetAsync(link.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var xlsx = new MemoryStream(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "导入结果").Count());
        Assert.Single(Directory.GetFiles(Path.Combine(bot.DataDir, "imports"), "*-展会线索.csv"));
    }

    [Fact]
    public async Task UploadsFromOthersOrOfOtherFilesAreRefusedInWords()
    {
        Assert.Contains("只有主管或管理员可以批量导入", (await Upload("zhangsan", "导入线索", "a.csv", "公司\n甲电子有限公司\n")).GetProperty("text").GetString());
        Assert.Contains("你现在以客户身份（访客 zhangsna）", (await Upload("zhangsna", "导入线索", "a.csv", "公司\n甲电子有限公司\n")).GetProperty("text").GetString());
        Assert.Contains("只能导入 .xlsx 或 .csv", (await Upload("admin", "导入线索", "run.sh", "echo hi")).GetProperty("text").GetString());
        Assert.Contains("李四是主管，不是销售", (await Upload("admin", "导入线索 lisi", "a.csv", "公司\n甲电子有限公司\n")).GetProperty("text").GetString());
        Assert.Null(bot.Get<DocumentStore>().Customers.WithNameKey(CompanyName.Key("甲电子有限公司"), 1).FirstOrDefault());

        Assert.Equal(HttpStatusCode.NotFound, (await bot.Http.GetAsync("/api/chat/imports/..%2Fzhonghan.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Http.GetAsync("/api/chat/imports/zhonghan.db")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bot.Http.PostAsJsonAsync("/api/chat/import", new { user = "admin" })).StatusCode);
    }

    [Theory]
    [InlineData("zhangsan", "销售"), InlineData("lisi", "主管"), InlineData("wangwu", "询价助理"), InlineData("zhaoliu", "采购"), InlineData("admin", "管理员")]
    public async Task EachRoleIsGreetedWithThreeExamplesItMayRun(string user, string role)
    {
        var hello = await bot.Http.GetFromJsonAsync<JsonElement>($"/api/chat/hello?user={user}");
        Assert.True(hello.GetProperty("known").GetBoolean());
        Assert.Equal(role, hello.GetProperty("role").GetString());
        Assert.Contains($"（{role}），你好", hello.GetProperty("text").GetString());
        var examples = hello.GetProperty("examples").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(3, examples.Count);
        Assert.Equal(role is "主管" or "管理员", hello.GetProperty("canImport").GetBoolean());
        foreach (var example in examples)
        {
            var answer = string.Join("\n", await bot.ChatAsync(user, example));
            Assert.DoesNotContain("没看懂", answer);
            Assert.DoesNotContain("不能使用", answer);
            Assert.DoesNotContain("出错", answer);
        }
    }

    [Fact]
    public async Task ANameThatIsNoUserIsToldItTalksAsACustomer()
    {
        var hello = await bot.Http.GetFromJsonAsync<JsonElement>("/api/chat/hello?user=zhangsna");
        Assert.False(hello.GetProperty("known").GetBoolean());
        Assert.StartsWith("你现在以客户身份（访客 zhangsna）与客服机器人对话；如果你是员工，请检查用户名。", hello.GetProperty("text").GetString());
        Assert.Equal(ChatGreeting.ExamplesFor(Role.Rep).Count, hello.GetProperty("examples").GetArrayLength());
        Assert.False(hello.GetProperty("canImport").GetBoolean());
        foreach (var example in hello.GetProperty("examples").EnumerateArray())
            Assert.DoesNotContain("转接", string.Join("\n", await bot.ChatAsync("zhangsna", example.GetString()!))); // the bot answers them itself
    }
}

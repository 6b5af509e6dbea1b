using Zhonghan.Storage;
using System.Text;
using Microsoft.Playwright;
using MiniExcelLibs;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Testing;
using static Zhonghan.Bot.Tests.BrowserTests;

namespace Zhonghan.Bot.Tests;

/// <summary>The web chat in headless Chromium: markdown replies, the greeting with role examples, the customer notice, the upload.</summary>
public class BrowserChatTests
{
    [Fact]
    public async Task RepliesRenderTheirMarkdownAndNoMarkupFromAMessage()
    {
        await using var bot = await TestBot.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await OpenAsync(browser, bot);
        await page.Locator("#user option[value=lisi]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#user", "lisi");

        // The greeting's example button asks for the digest; it arrives as a push with bold title and quoted rows.
        await page.Locator(".examples button", new() { HasText = "日报" }).ClickAsync();
        await Expect(page, ".bubble", "已生成，图表随后发送");
        var digest = page.Locator(".bubble", new() { Has = page.Locator("strong", new() { HasText = "华东销售部日报 · 2026-11-29（周日）" }) }).Last;
        await digest.WaitForAsync(new() { Timeout = 15_000 });
        var shown = await digest.InnerTextAsync();
        Assert.DoesNotContain("**", shown);
        Assert.DoesNotContain("> ", shown);
        Assert.True(await digest.Locator("blockquote").CountAsync() > 0);
        Assert.Equal(2, await digest.Locator("img").CountAsync());

        // A message's markup is shown as text, never run.
        await page.SelectOptionAsync("#user", "zhangsan");
        await Send(page, "新建线索 <b>粗</b><img src=x onerror=\"window.__xss=1\">有限公司");
        await Expect(page, ".bubble", "<img src=x onerror=");
        Assert.Equal(0, await page.Locator(".md img, .md b").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
    }

    [Fact]
    public async Task TheFirstPageGreetsWithExamplesForTheRoleAndNamesAMistypedUserACustomer()
    {
        await using var bot = await TestBot.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await OpenAsync(browser, bot);
        await page.Locator("#user option[value=zhangsan]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#user", "zhangsan");

        await Expect(page, ".bubble.greeting", "张三（销售），你好");
        Assert.Equal(["今日待办", "我的线索", "新建线索 苏州汇芯电子有限公司 王工 13900001234"], await page.Locator(".examples button").AllInnerTextsAsync());
        Assert.True(await page.Locator("#upload").IsHiddenAsync());
        await page.Locator(".examples button", new() { HasText = "我的线索" }).ClickAsync();
        await Expect(page, ".card .title", "我的线索（共");

        await page.FillAsync("#custom", "zhangsna");
        await page.PressAsync("#custom", "Enter");
        await Expect(page, ".notice", "你现在以客户身份（访客 zhangsna）与客服机器人对话；如果你是员工，请检查用户名");
        await page.Locator(".examples button", new() { HasText = "STM32F103C8T6 有货吗？" }).ClickAsync();
        await Expect(page, ".bubble", "STM32F103C8T6（STMicroelectronics）");
        await page.ScreenshotAsync(new() { Path = Path.Combine(bot.DataDir, "greeting.png"), FullPage = true });
    }

    [Fact]
    public async Task AnAdminUploadsALeadFileAndGetsTheReportAndItsDownloadLink()
    {
        await using var bot = await TestBot.StartAsync();
        using var files = new TempDir();
        var csv = files.File("展会线索.csv");
        File.WriteAllText(csv, "公司,联系人,电话\n常州银河微电子股份有限公司,钱工,13611110001\n\"=HYPERLINK(\"\"http://evil.example/x\"\",\"\"点我\"\")\",李工,13611110002\n", new UTF8Encoding(false));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await OpenAsync(browser, bot);
        await page.Locator("#user option[value=admin]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#user", "admin");
        await page.Locator("#upload").WaitForAsync(new() { State = WaitForSelectorState.Visible });

        await page.FillAsync("#text", "导入线索 zhangsan");
        await page.SetInputFilesAsync("#file", csv);
        await Expect(page, ".bubble", "📎 展会线索.csv · 导入线索 zhangsan");
        await Expect(page, ".bubble", "✅ 导入完成：共 2 行，新建 1 条线索");
        await Expect(page, ".bubble li", "拒绝 第3行");
        var link = page.Locator(".files a", new() { HasText = "下载完整报告（.xlsx）" }).Last;
        var href = await link.GetAttributeAsync("href");
        var xlsx = await bot.Http.GetByteArrayAsync(href);
        Assert.Equal(2, MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: "导入结果").Count());

        var zhangsan = bot.Get<UserDirectory>().ByLocalName("zhangsan")!;
        Assert.Equal(zhangsan.Id, bot.Get<DocumentStore>().Customers.WithNameKey(CompanyName.Key("常州银河微电子股份有限公司"), 1).FirstOrDefault()!.OwnerId);
        await page.ScreenshotAsync(new() { Path = Path.Combine(bot.DataDir, "upload.png"), FullPage = true });
    }
}

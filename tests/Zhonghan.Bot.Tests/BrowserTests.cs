using Microsoft.Playwright;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>
/// The web chat page in real headless Chromium (Debian's, at /usr/bin/chromium — `.ci/run` installs it; Playwright
/// downloads no browser). Picks a demo user, chats, sees cards, presses their buttons.
/// </summary>
public class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task ARepChatsInTheWebPageAndPressesCardButtons()
    {
        await using var bot = await TestBot.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await OpenAsync(browser, bot);

        // The user picker lists the demo users; pick the rep.
        await page.Locator("#user option[value=zhangsan]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#user", "zhangsan");

        await Send(page, "帮助");
        await Expect(page, ".bubble", "跟进 <公司> <内容> [下次 <日期>]");

        // An ambiguous name shows choice buttons; pressing one opens the customer card.
        await Send(page, "客户 正泰");
        await page.GetByRole(AriaRole.Button, new() { Name = "1. 正泰新能源开发有限公司" }).ClickAsync();
        await Expect(page, ".card .title", "正泰新能源开发有限公司");
        await Expect(page, ".card td", "负责人");

        // A card button that needs more asks for it; answering in the box finishes the command.
        await page.Locator(".card button", new() { HasText = "退回公海" }).Last.ClickAsync();
        await Expect(page, ".bubble", "请写一下退回原因");
        await Send(page, "项目取消");
        await Expect(page, ".bubble", "✅ 已退回公海：正泰新能源开发有限公司");

        // Another user sees it in the pool and claims it with the card's button.
        await page.SelectOptionAsync("#user", "sunqi");
        await Send(page, "公海");
        await page.Locator(".card button", new() { HasText = "领取 1" }).Last.ClickAsync();
        await Expect(page, ".bubble", "✅ 已领取：正泰新能源开发有限公司");

        var shot = Path.Combine(bot.DataDir, "chat.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 5_000);
    }

    internal static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"Chromium is required at {Chromium} (apt-get install chromium).");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A phone-sized page on the bot's web chat.</summary>
    internal static async Task<IPage> OpenAsync(IBrowser browser, TestBot bot)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 420, Height = 900 } });
        await page.GotoAsync(bot.BaseAddress.ToString());
        return page;
    }

    internal static async Task Send(IPage page, string text)
    {
        await page.FillAsync("#text", text);
        await page.PressAsync("#text", "Enter");
    }

    internal static Task Expect(IPage page, string selector, string text) =>
        page.Locator(selector, new() { HasText = text }).Last.WaitForAsync(new() { Timeout = 10_000 });
}

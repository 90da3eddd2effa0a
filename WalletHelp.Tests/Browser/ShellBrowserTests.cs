using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ShellBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task HomePage_SwitchLanguage_ShowsEnglish()
    {
        var page = await browser.NewPageAsync();
        await page.GotoInteractiveAsync("/");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("诊断我的问题", await page.InnerTextAsync("[data-testid='start-diagnosis']"));

        await page.ClickAsync("[data-testid='lang-en']");
        await page.WaitForInteractiveAsync();
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");

        Assert.Contains("Diagnose my problem", await page.InnerTextAsync("[data-testid='start-diagnosis']"));
        Assert.Contains("Service status", await page.InnerTextAsync("[data-testid='nav']"));
        await page.ScreenshotAsync("shell-home-en");

        // The choice sticks: a new navigation stays English.
        await page.GotoInteractiveAsync("/faq");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_SeededAdmin_SeesAdminEntry()
    {
        var page = await browser.NewPageAsync();
        await page.GotoInteractiveAsync("/");
        Assert.Equal(0, await page.Locator("[data-testid='nav-admin']").CountAsync());

        await page.ClickAsync("[data-testid='sign-in']");
        await page.WaitForURLAsync("**/Account/Login**");
        await page.FillAsync("#Input\\.Email", WalletHelpFactory.AdminEmail);
        await page.FillAsync("#Input\\.Password", WalletHelpFactory.AdminPassword);
        await page.ClickAsync("[data-testid='login-submit']");

        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid='nav-admin']").WaitForAsync();
        Assert.Contains(WalletHelpFactory.AdminEmail, await page.InnerTextAsync("[data-testid='user-name']"));
        Assert.True(await page.Locator("[data-testid='nav-agent']").IsVisibleAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HomePage_PhoneWidth_HasNoHorizontalScroll()
    {
        var page = await browser.NewPageAsync(width: 360, height: 740);
        await page.GotoInteractiveAsync("/");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the home page scrolls sideways at 360 px");
        Assert.True(await page.Locator("[data-testid='start-diagnosis']").IsVisibleAsync());
        await page.ScreenshotAsync("shell-home-360");
        await page.Context.CloseAsync();
    }
}

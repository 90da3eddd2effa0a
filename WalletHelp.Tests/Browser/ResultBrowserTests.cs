using System.Text.Json;
using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ResultBrowserTests(BrowserFixture browser)
{
    private const string RiskRequest = """
        { "symptom": "application-rejected", "language": "zh-CN",
          "personal": { "name": "张三", "idNumber": "11010519491231002X", "phone": "13800138000" },
          "application": { "rejectionMessage": "因风控原因，暂无法为您开立钱包" } }
        """;

    internal static async Task<string> PostFromBrowserAsync(IPage page, string json)
    {
        // The browser's own request context: it carries the browser-id cookie, like the wizard does.
        var response = await page.Context.APIRequest.PostAsync("/api/v1/diagnoses", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Data = json,
        });
        Assert.Equal(201, response.Status);
        var body = await response.JsonAsync();
        return body!.Value.GetProperty("reference").GetString()!;
    }

    [Fact]
    public async Task Result_SameBrowser_ShowsOutcomeFindingsAndReference()
    {
        var page = await browser.NewPageAsync();
        await page.GotoInteractiveAsync("/");
        var reference = await PostFromBrowserAsync(page, RiskRequest);

        await page.GotoInteractiveAsync($"/diagnoses/{reference}");

        Assert.Equal("contact-support", await page.GetAttributeAsync("[data-testid='outcome-banner']", "data-outcome"));
        Assert.Equal(reference, (await page.TextContentAsync("[data-testid='reference']"))?.Trim());
        Assert.True(await page.Locator("[data-testid='finding-AP-RISK-HOLD']").IsVisibleAsync());
        Assert.Contains("请联系客服", await page.TextContentAsync("[data-testid='outcome-banner']"));

        await page.ClickAsync("[data-testid='helpful-yes']");
        await page.ClickAsync("[data-testid='helpful-send']");
        await page.Locator("[data-testid='helpful-thanks']").WaitForAsync();
        await page.ScreenshotAsync("result-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Result_OtherBrowser_IsNotShown()
    {
        var owner = await browser.NewPageAsync();
        await owner.GotoInteractiveAsync("/");
        var reference = await PostFromBrowserAsync(owner, RiskRequest);

        var stranger = await browser.NewPageAsync();
        await stranger.GotoInteractiveAsync($"/diagnoses/{reference}");
        Assert.True(await stranger.Locator("[data-testid='result-not-found']").IsVisibleAsync());
        Assert.Equal(0, await stranger.Locator("[data-testid='outcome-banner']").CountAsync());
        await owner.Context.CloseAsync();
        await stranger.Context.CloseAsync();
    }

    [Fact]
    public async Task Result_PhoneWidth_FitsAndIsScreenshotted()
    {
        var page = await browser.NewPageAsync(width: 360, height: 780);
        await page.GotoInteractiveAsync("/");
        var reference = await PostFromBrowserAsync(page, RiskRequest.Replace("因风控原因，暂无法为您开立钱包", "身份信息校验未通过", StringComparison.Ordinal));
        await page.GotoInteractiveAsync($"/diagnoses/{reference}");
        await page.Locator("[data-testid='outcome-banner']").WaitForAsync();

        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the result page scrolls sideways at 360 px");
        await page.ScreenshotAsync("result-api-360");
        await page.Context.CloseAsync();
    }
}

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

    [Fact]
    public async Task Result_IsStaticUntilHelpIsAsked_ThenTheLiveAssistIslandWorks()
    {
        var user = await browser.NewPageAsync(width: 1000, height: 900);
        var sockets = 0;
        user.WebSocket += (_, _) => Interlocked.Increment(ref sockets);
        await user.GotoInteractiveAsync("/");
        var reference = await PostFromBrowserAsync(user, RiskRequest);
        await user.GotoInteractiveAsync($"/diagnoses/{reference}");

        // A reader holds no circuit: no component marker in the page, no websocket.
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", await user.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await user.GetAttributeAsync("[data-testid='render-state']", "data-static-page"));

        // Without a circuit: a collapsed finding opens by keyboard; copy shows the snackbar; "yes" opens the comment box.
        var collapsed = user.Locator("[data-testid='group-also-worth-checking'] [data-testid='finding-BK-CARD-MISSING']");
        Assert.DoesNotContain("mud-panel-expanded", await collapsed.GetAttributeAsync("class"), StringComparison.Ordinal);
        var explanation = collapsed.Locator("[data-testid='finding-explanation']");
        Assert.False(await explanation.IsVisibleAsync());
        await collapsed.Locator(".mud-expand-panel-header").FocusAsync();
        await user.Keyboard.PressAsync("Enter");
        await Assertions.Expect(explanation).ToBeVisibleAsync();
        await collapsed.Locator(".mud-expand-panel-header").ClickAsync();
        await Assertions.Expect(explanation).Not.ToBeVisibleAsync();
        await user.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await user.ClickAsync("[data-testid='copy-reference']");
        await Assertions.Expect(user.Locator("#mud-snackbar-container [data-testid='copied']")).ToHaveTextAsync("诊断编号已复制");
        Assert.Equal(reference, await user.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await user.ClickAsync("[data-testid='helpful-no']");
        await Assertions.Expect(user.Locator("[data-testid='helpful-no']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(user.Locator("[data-testid='helpful-comment-text']")).ToBeVisibleAsync();
        await user.FillAsync("[data-testid='helpful-comment-text']", "想知道去哪个网点");
        await user.ClickAsync("[data-testid='helpful-send']");
        await user.Locator("[data-testid='helpful-thanks']").WaitForAsync();
        Assert.Equal(0, Volatile.Read(ref sockets));

        // Asking for help brings in the island: its circuit asks for the code, the agent joins and sees the result page.
        await user.ClickAsync("[data-testid='assist-start']");
        var code = await user.Locator("[data-testid='assist-code']").GetAttributeAsync("data-code");
        Assert.Matches("^[0-9]{6}$", code);
        Assert.True(Volatile.Read(ref sockets) > 0, "the island opened no circuit");

        var agent = await browser.NewPageAsync(width: 1100, height: 900);
        await agent.GotoAsync("/Account/Login?ReturnUrl=%2Fagent%2Fassist");
        await agent.FillAsync("#Input\\.Email", WalletHelpFactory.AgentEmail);
        await agent.FillAsync("#Input\\.Password", WalletHelpFactory.AgentPassword);
        await agent.ClickAsync("[data-testid='login-submit']");
        await agent.WaitForURLAsync("**/agent/assist");
        await agent.WaitForInteractiveAsync();
        await agent.FillAsync("[data-testid='assist-code-input']", code!);
        await agent.ClickAsync("[data-testid='assist-join']");
        await Assertions.Expect(agent.Locator("[data-testid='assist-step']")).ToHaveAttributeAsync("data-step", "result");
        await Assertions.Expect(agent.Locator("[data-testid='assist-step']")).ToContainTextAsync(reference);
        await Assertions.Expect(user.Locator("[data-testid='assist-connected']")).ToContainTextAsync("agent");

        // A reload keeps the session (the island comes back by itself); ending it is the island's own button.
        await user.ReloadAsync();
        await Assertions.Expect(user.Locator("[data-testid='assist-connected']")).ToContainTextAsync("agent");
        await Assertions.Expect(agent.Locator("[data-testid='assist-presence']")).ToHaveAttributeAsync("data-presence", "connected");
        await user.ClickAsync("[data-testid='assist-end']");
        await Assertions.Expect(user.Locator("[data-testid='assist-ended']")).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("[data-testid='assist-presence']")).ToHaveAttributeAsync("data-presence", "ended");
        await user.ScreenshotAsync("result-assist-island");

        // Once it has ended the next visit is static again.
        var again = await user.Context.NewPageAsync();
        await again.GotoInteractiveAsync($"/diagnoses/{reference}");
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", await again.ContentAsync(), StringComparison.Ordinal);
        await user.Context.CloseAsync();
        await agent.Context.CloseAsync();
    }

    [Fact]
    public async Task Result_AssistStartedInTheWizard_CarriesOnThroughTheIsland()
    {
        var user = await browser.NewPageAsync(width: 360, height: 780);
        await user.GotoInteractiveAsync("/diagnose/application-rejected");
        await user.Locator("[data-testid='wizard-state'][data-restored='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await user.ClickAsync("[data-testid='assist-start']");
        var code = await user.Locator("[data-testid='assist-code']").GetAttributeAsync("data-code");

        // The same browser's result page: the session is live, so the island comes at once with the same code.
        var reference = await PostFromBrowserAsync(user, RiskRequest);
        await user.GotoAsync($"/diagnoses/{reference}");
        await Assertions.Expect(user.Locator("[data-testid='assist-code']")).ToHaveAttributeAsync("data-code", code!);
        Assert.Equal(0, await user.Locator("[data-testid='assist-start-form']").CountAsync());
        var overflow = await user.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the result page with the assist panel scrolls sideways at 360 px");
        await user.Context.CloseAsync();
    }
}

using System.Text;
using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>
/// Issue 12 (b), the guided call: an agent signs in, runs the wizard for a caller who reads out a full ID and card
/// number, and gets the reference to read back. Afterwards the database file (and its WAL), the captured log and the
/// agent's session storage hold the masked forms only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GuidedCallBrowserTests(BrowserFixture browser)
{
    private const string FullId = "11010519491231002X";
    private const string MaskedId = "110105********002X";
    private const string FullCard = "6228480402564890018";
    private const string CardTail = "0018";

    private static ILocator Field(IPage page, string path) => page.Locator($"[data-testid='field-{path.Replace('.', '-')}']");

    private async Task<IPage> SignInAsync(int width = 1280, string locale = "zh-CN")
    {
        var agent = await browser.NewPageAsync(width: width, locale: locale);
        await agent.GotoAsync("/Account/Login?ReturnUrl=%2Fagent");
        await agent.FillAsync("#Input\\.Email", WalletHelpFactory.AgentEmail);
        await agent.FillAsync("#Input\\.Password", WalletHelpFactory.AgentPassword);
        await agent.ClickAsync("[data-testid='login-submit']");
        await agent.WaitForURLAsync("**/agent");
        await agent.WaitForInteractiveAsync();
        return agent;
    }

    [Fact]
    public async Task AgentGuidesACaller_GetsTheReference_FullNumbersNowhereButTheTypingCircuit()
    {
        var agent = await SignInAsync();
        await agent.ClickAsync("[data-testid='agent-guide-link']");
        await agent.WaitForURLAsync("**/agent/guide");
        await agent.WaitForInteractiveAsync();
        await Assertions.Expect(agent.Locator("[data-testid='guide-script-intro']")).ToContainTextAsync("遇到了什么问题");
        await agent.ClickAsync("[data-testid='guide-symptom-application-rejected']");
        await Assertions.Expect(agent.Locator("[data-testid='guide-script']")).ToHaveAttributeAsync("data-step", "personal");
        await Assertions.Expect(agent.Locator("#step-heading")).ToBeFocusedAsync();

        // The script line for the ID, then the caller's answer; a mistyped ID shows the caller's finding live.
        await Assertions.Expect(agent.Locator("[data-testid='guide-line-personal-idNumber']")).ToContainTextAsync("一共 18 位");
        await Field(agent, "personal.name").FillAsync("张三");
        await Field(agent, "personal.idNumber").FillAsync("110105194912310023");
        await Assertions.Expect(agent.Locator("[data-testid='guide-tell-PI-ID-CHECKSUM']")).ToContainTextAsync("校验位");
        await Field(agent, "personal.idNumber").FillAsync(FullId);
        await Assertions.Expect(agent.Locator("[data-testid='guide-tell-PI-ID-CHECKSUM']")).ToHaveCountAsync(0);
        await Field(agent, "personal.phone").FillAsync("13800138000");
        await Assertions.Expect(agent.Locator("[data-testid='findings-personal-phone'] [data-testid^='field-finding-']")).ToHaveCountAsync(0);
        await agent.ScreenshotAsync("guide-call");

        await agent.ClickAsync("[data-testid='guide-next']");
        await Assertions.Expect(agent.Locator("[data-testid='guide-script']")).ToHaveAttributeAsync("data-step", "bank");
        await Field(agent, "bank.cardNumber").FillAsync(FullCard);
        await Assertions.Expect(agent.Locator("[data-testid='card-recognised']")).ToBeVisibleAsync();
        await agent.ClickAsync("[data-testid='guide-next']");
        await Assertions.Expect(agent.Locator("[data-testid='guide-script']")).ToHaveAttributeAsync("data-step", "application");
        await agent.ClickAsync("[data-testid='guide-submit']");
        var reference = await agent.Locator("[data-testid='guide-reference']").GetAttributeAsync("data-reference");
        Assert.Matches("^WH-[0-9A-Z]{4}-[0-9A-Z]{4}$", reference);
        await Assertions.Expect(agent.Locator("#guide-done-heading")).ToBeFocusedAsync();
        await Assertions.Expect(agent.Locator("[data-testid='guide-say-reference']")).ToContainTextAsync(reference!);
        await agent.ScreenshotAsync("guide-call-reference");
        Assert.DoesNotContain(FullId, await agent.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(FullCard, await agent.ContentAsync(), StringComparison.Ordinal);
        var session = await agent.EvaluateAsync<string>("JSON.stringify(sessionStorage)");
        Assert.DoesNotContain("wh-wizard", session, StringComparison.Ordinal);

        // The case page: a normal diagnosis, masked, "guided call by" the agent.
        await agent.ClickAsync("[data-testid='guide-open-case']");
        await agent.WaitForURLAsync($"**/agent/cases/{reference}");
        await Assertions.Expect(agent.Locator("[data-testid='case-guided-by']")).ToContainTextAsync(WalletHelpFactory.AgentEmail);
        Assert.Equal(MaskedId, (await agent.TextContentAsync("[data-testid='input-personal.idNumber']"))?.Trim());
        var card = (await agent.TextContentAsync("[data-testid='input-bank.cardNumber']"))?.Trim() ?? "";
        Assert.EndsWith(CardTail, card.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("*", card, StringComparison.Ordinal);
        await agent.Context.CloseAsync();

        // The disk and the log: masked forms only, never the numbers as typed (plain, grouped or UTF-16).
        var database = browser.Factory.ReadDatabaseBytes();
        Assert.True(Find(database, MaskedId), "the masked ID is stored");
        foreach (var secret in new[] { FullId, FullCard, "6228 4804 0256 4890 018" })
        {
            Assert.False(Find(database, secret), $"{secret} reached the database file");
            Assert.False(Find(database, secret, Encoding.Unicode), $"{secret} reached the database file (UTF-16)");
            Assert.DoesNotContain(browser.Factory.Logs, line => line.Contains(secret, StringComparison.Ordinal));
        }
        Assert.Contains(browser.Factory.Logs, line => line.Contains(reference!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Phone360English_ScriptInBothLanguages_KeyboardOnly_NoSidewaysScroll()
    {
        var agent = await SignInAsync(width: 360, locale: "en");
        await agent.GotoInteractiveAsync("/culture?c=en&redirectUri=%2Fagent%2Fguide");
        await agent.WaitForURLAsync("**/agent/guide");
        await agent.WaitForInteractiveAsync();
        await Assertions.Expect(agent.Locator("[data-testid='guide-heading']")).ToHaveTextAsync("Guided call");

        // Keyboard only: focus the first symptom, Enter starts it, the step heading takes the focus.
        await agent.Locator("[data-testid='guide-symptom-application-rejected']").FocusAsync();
        await agent.Keyboard.PressAsync("Enter");
        await Assertions.Expect(agent.Locator("#step-heading")).ToBeFocusedAsync();
        var line = agent.Locator("[data-testid='guide-line-personal-idNumber']");
        await Assertions.Expect(line.Locator("[data-testid='guide-say-zh']")).ToContainTextAsync("一共 18 位");
        await Assertions.Expect(line.Locator("[data-testid='guide-say-en']")).ToContainTextAsync("18 characters");
        // A script line takes the agent to its field.
        await line.Locator("a").FocusAsync();
        await agent.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Field(agent, "personal.idNumber")).ToBeFocusedAsync();
        await agent.Keyboard.TypeAsync(FullId);
        await agent.Keyboard.PressAsync("Tab");

        Assert.False(await agent.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways at 360 px");
        await agent.ScreenshotAsync("guide-call-360-en");
        await agent.ClickAsync("[data-testid='guide-cancel']");
        await Assertions.Expect(agent.Locator("[data-testid='guide-cancelled']")).ToBeVisibleAsync();
        await agent.Context.CloseAsync();
    }

    private static bool Find(byte[] haystack, string needle, Encoding? encoding = null) =>
        haystack.AsSpan().IndexOf((encoding ?? Encoding.UTF8).GetBytes(needle)) >= 0;
}

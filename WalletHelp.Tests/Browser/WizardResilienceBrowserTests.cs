using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>Issue 10 items 6–8: Back/Forward between steps, the reconnect bar, and typing that never loses characters.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WizardResilienceBrowserTests(BrowserFixture browser)
{
    private static ILocator Field(IPage page, string path) => page.Locator($"[data-testid='field-{path.Replace('.', '-')}']");

    private static async Task OpenAsync(IPage page, string symptom = "application-rejected")
    {
        await page.GotoInteractiveAsync($"/diagnose/{symptom}");
        await page.Locator("[data-testid='wizard-state'][data-restored='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static Task StepAsync(IPage page, string step) =>
        page.Locator($"[data-testid='wizard-state'][data-step='{step}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Waits until the debounced save has run after the last change (the answers reached the server and storage).</summary>
    private static async Task SettledAsync(IPage page, int savesBefore)
    {
        // Polled from here: the page's CSP forbids the string evaluation WaitForFunctionAsync would use.
        for (var i = 0; i < 150 && await SavesAsync(page) <= savesBefore; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.True(await SavesAsync(page) > savesBefore, "the answers were never saved");
        await page.WaitForTimeoutAsync(400);
    }

    private static async Task<int> SavesAsync(IPage page) =>
        int.Parse(await page.GetAttributeAsync("[data-testid='wizard-state']", "data-saves") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task BackAndForward_MoveBetweenStepsAndKeepTheAnswers()
    {
        var page = await browser.NewPageAsync();
        await OpenAsync(page);
        // Back and Forward between the wizard's steps stay in the island: no request for the page (Blazor's enhanced
        // navigation fetching and merging it put an island with older answers on the page).
        var pageRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath.StartsWith("/diagnose", StringComparison.Ordinal)) pageRequests.Add(request.Url);
        };
        await Field(page, "personal.name").FillAsync("张三");
        await Field(page, "personal.idNumber").FillAsync("11010519491231002X");

        await page.ClickAsync("[data-testid='wizard-next']");
        await StepAsync(page, "bank");
        // The address follows the step (wizard.js pushes the entry as the step is shown).
        await page.WaitForURLAsync("**/diagnose/application-rejected?step=2");
        await Field(page, "bank.branch").FillAsync("中国农业银行北京朝阳支行");
        await page.ClickAsync("[data-testid='wizard-next']");
        await StepAsync(page, "application");
        await page.WaitForURLAsync("**/diagnose/application-rejected?step=3");

        await page.GoBackAsync();
        await StepAsync(page, "bank");
        Assert.Equal("中国农业银行北京朝阳支行", await Field(page, "bank.branch").InputValueAsync());

        await page.GoBackAsync();
        await StepAsync(page, "personal");
        Assert.Equal("张三", await Field(page, "personal.name").InputValueAsync());
        Assert.Equal("11010519491231002X", await Field(page, "personal.idNumber").InputValueAsync());

        await page.GoForwardAsync();
        await StepAsync(page, "bank");
        Assert.Equal("中国农业银行北京朝阳支行", await Field(page, "bank.branch").InputValueAsync());
        await page.WaitForURLAsync("**/diagnose/application-rejected?step=2");

        // Back once more: the first step again, with its answers.
        await page.GoBackAsync();
        await StepAsync(page, "personal");
        Assert.Equal("张三", await Field(page, "personal.name").InputValueAsync());
        Assert.Empty(pageRequests);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FastTypingPastingAndImeComposition_ArriveWhole()
    {
        var page = await browser.NewPageAsync(width: 360, height: 780);
        await OpenAsync(page);

        // Scripted typing with no delay between keys; a whole number pasted at once; a name composed with an IME.
        var saves = await SavesAsync(page);
        await Field(page, "personal.idNumber").PressSequentiallyAsync("110105194912310023");
        await Field(page, "personal.phone").PressSequentiallyAsync("13800138000");
        await Field(page, "personal.name").FocusAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        foreach (var (pinyin, hanzi) in new[] { ("zhang", "张"), ("san", "三") })
        {
            for (var i = 1; i <= pinyin.Length; i++)
            {
                await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object>
                {
                    ["text"] = pinyin[..i], ["selectionStart"] = i, ["selectionEnd"] = i,
                });
            }
            await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = hanzi });
        }
        await SettledAsync(page, saves);

        Assert.Equal("110105194912310023", await Field(page, "personal.idNumber").InputValueAsync());
        Assert.Equal("13800138000", await Field(page, "personal.phone").InputValueAsync());
        Assert.Equal("张三", await Field(page, "personal.name").InputValueAsync());
        // The server had every character: the checksum finding names the 18th character of the full number.
        await page.Locator("[data-testid='findings-personal-idNumber'] [data-testid='field-finding-PI-ID-CHECKSUM']").WaitForAsync();

        await page.ClickAsync("[data-testid='wizard-next']");
        await StepAsync(page, "bank");
        saves = await SavesAsync(page);
        await Field(page, "bank.cardNumber").FocusAsync();
        await page.Keyboard.InsertTextAsync("6228480402564890018");   // how a paste arrives: one input event
        await Field(page, "bank.reservedPhone").PressSequentiallyAsync("13800138000");
        await Field(page, "bank.cardNumber").PressAsync("End");
        await SettledAsync(page, saves);
        Assert.Equal("6228 4804 0256 4890 018", await Field(page, "bank.cardNumber").InputValueAsync());
        Assert.Equal("13800138000", await Field(page, "bank.reservedPhone").InputValueAsync());

        // Typing into the grouped card field keeps every digit, in order, with the groups redrawn.
        saves = await SavesAsync(page);
        await Field(page, "bank.cardNumber").FillAsync("");
        await Field(page, "bank.cardNumber").PressSequentiallyAsync("6228480402564890018");
        await SettledAsync(page, saves);
        Assert.Equal("6228 4804 0256 4890 018", await Field(page, "bank.cardNumber").InputValueAsync());
        await page.Locator("[data-testid='card-recognised']").WaitForAsync();

        // And what the server kept survives a reload (restored from the tab's storage).
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await StepAsync(page, "bank");
        Assert.Equal("6228 4804 0256 4890 018", await Field(page, "bank.cardNumber").InputValueAsync());
        await page.ClickAsync("[data-testid='wizard-back']");
        await StepAsync(page, "personal");
        Assert.Equal("110105194912310023", await Field(page, "personal.idNumber").InputValueAsync());
        Assert.Equal("张三", await Field(page, "personal.name").InputValueAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh-CN", "与服务器的连接中断了")]
    [InlineData("en", "The connection to the server was interrupted")]
    public async Task ReconnectBar_SpeaksThePageLanguageAndLeavesThePageUsable(string language, string expected)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/culture?c={language}&redirectUri=/faq");
        await page.WaitForInteractiveAsync();

        // What Blazor does when the circuit drops: the reconnection state event on the dialog, and its state class.
        await page.EvaluateAsync("""
            () => {
                const modal = document.getElementById('components-reconnect-modal');
                modal.classList.add('components-reconnect-show');
                modal.dispatchEvent(new CustomEvent('components-reconnect-state-changed', { detail: { state: 'show' } }));
            }
            """);
        var bar = page.Locator("[data-testid='reconnect']");
        await bar.WaitForAsync();
        Assert.Contains(expected, await bar.InnerTextAsync());
        Assert.False(await page.EvaluateAsync<bool>("document.getElementById('components-reconnect-modal').matches(':modal')"),
            "the reconnect dialog is modal: it blocks the page");

        // The page under it still takes clicks: the FAQ link in the navigation is the element at its own centre.
        var link = page.Locator("[data-testid='nav-faq']").First;
        var box = await link.BoundingBoxAsync();
        Assert.NotNull(box);
        var hit = await page.EvaluateAsync<bool>(
            $"(() => {{ const el = document.elementFromPoint({box.X + box.Width / 2}, {box.Y + box.Height / 2}); return !!el && !!el.closest('nav'); }})()");
        Assert.True(hit, "something covers the page while reconnecting");
        await page.ScreenshotAsync($"reconnect-{language}");
        await page.Context.CloseAsync();
    }
}

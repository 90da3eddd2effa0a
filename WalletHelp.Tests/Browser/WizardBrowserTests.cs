using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>Journeys 1 and 2 through the real wizard in Chromium, against the real app and SQLite.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WizardBrowserTests(BrowserFixture browser)
{
    private const string GoodId = "11010519491231002X";
    private const string MistypedId = "110105194912310023";

    [GeneratedRegex("^WH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex ReferencePattern();

    private static ILocator Field(IPage page, string path) => page.Locator($"[data-testid='field-{path.Replace('.', '-')}']");

    private static ILocator FieldFinding(IPage page, string path, string code) =>
        page.Locator($"[data-testid='findings-{path.Replace('.', '-')}'] [data-testid='field-finding-{code}']");

    private static async Task OpenWizardFromTriageAsync(IPage page, string symptom)
    {
        await page.GotoInteractiveAsync("/diagnose");
        await page.ClickAsync($"[data-testid='symptom-{symptom}']");
        await page.Locator("[data-testid='wizard-state'][data-restored='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task FillPersonalAsync(IPage page, string id)
    {
        await Field(page, "personal.name").FillAsync("张三");
        await Field(page, "personal.idNumber").FillAsync(id);
        await Field(page, "personal.phone").FillAsync("13800138000");
        await page.CheckAsync("[data-testid='field-personal-phoneIsOwnRealName-yes']");
        await page.CheckAsync("[data-testid='field-personal-recentlyChangedIdentity-no']");
    }

    private static async Task FillBankAsync(IPage page, string recognised)
    {
        await Field(page, "bank.cardNumber").FillAsync("6228480402564890018");
        await page.WaitForFunctionAsync("document.getElementById('field-bank-cardNumber').value === '6228 4804 0256 4890 018'");
        await page.Locator("[data-testid='card-recognised']").WaitForAsync();
        Assert.Contains(recognised, await page.InnerTextAsync("[data-testid='card-recognised']"));
        await page.ClickAsync("[data-testid='bank-use-detected']");
        await page.Locator("[data-testid='bank-use-detected']").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.CheckAsync("[data-testid='field-bank-cardType-debit']");
        await page.ClickAsync("[data-testid='holder-same']");
        await page.ClickAsync("[data-testid='reserved-phone-same']");
        await Field(page, "bank.branch").FillAsync("中国农业银行北京朝阳支行");
        await page.CheckAsync("[data-testid='field-bank-cardStatus-normal']");
    }

    /// <summary>Full-page screenshot from the top, so the fixed app bar is drawn where it belongs.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(name);
    }

    private static async Task<string> SubmitAsync(IPage page)
    {
        // The connectivity check runs by itself on the retry step; let it finish first.
        await page.Locator("[data-testid='network-result']:not([data-result='none'])").WaitForAsync();
        // Keyboard, as a screen-reader user would (and immune to the phone layout shifting under a pointer click).
        await page.FocusAsync("[data-testid='wizard-submit']");
        await page.Keyboard.PressAsync("Enter");
        try
        {
            await page.WaitForURLAsync("**/diagnoses/WH-*");
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync("wizard-submit-timeout");
            throw;
        }
        await page.WaitForInteractiveAsync();
        var reference = (await page.TextContentAsync("[data-testid='reference']"))!.Trim();
        Assert.Matches(ReferencePattern(), reference);
        return reference;
    }

    private static async Task<List<string>> ResultCodesAsync(IPage page) =>
        [.. (await page.Locator("[data-testid^='finding-']").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.testid)"))
            .Where(id => Regex.IsMatch(id, "^finding-[A-Z]{2}-"))
            .Select(id => id["finding-".Length..])];

    [Fact]
    public async Task Journey1_MistypedIdThenFixed_ReadyWithReference()
    {
        var page = await browser.NewPageAsync();
        await page.GotoInteractiveAsync("/diagnose");
        await ShotAsync(page, "wizard-triage");
        await OpenWizardFromTriageAsync(page, "application-rejected");

        await FillPersonalAsync(page, MistypedId);
        var checksum = FieldFinding(page, "personal.idNumber", "PI-ID-CHECKSUM");
        await checksum.WaitForAsync();
        Assert.Contains("身份证号校验位不正确", await checksum.InnerTextAsync());
        Assert.Contains("第 18 位应为 X", await checksum.InnerTextAsync());
        Assert.Equal("true", await Field(page, "personal.idNumber").GetAttributeAsync("aria-invalid"));
        await ShotAsync(page, "wizard-live-finding");

        await Field(page, "personal.idNumber").FillAsync(GoodId);
        await checksum.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await page.ClickAsync("[data-testid='wizard-next']");
        await page.Locator("[data-testid='step-bank']").WaitForAsync();
        // Focus moves to the new step's heading, so a screen reader announces it.
        // Expect(...).ToBeFocusedAsync retries without string evaluation (the page's CSP forbids what WaitForFunctionAsync polls with).
        await Assertions.Expect(page.Locator("#step-heading")).ToBeFocusedAsync();
        await FillBankAsync(page, "看起来是中国农业银行借记卡");

        await page.ClickAsync("[data-testid='wizard-next']");
        await page.Locator("[data-testid='step-application']").WaitForAsync();
        await page.CheckAsync("[data-testid='field-walletClass-2']");
        await Field(page, "application.attemptsLast24h").FillAsync("1");
        await Field(page, "application.rejectionMessage").FillAsync("身份信息校验未通过");
        await page.Locator("[data-testid='service-notice-none']").WaitForAsync();

        await SubmitAsync(page);

        Assert.Equal("ready", await page.GetAttributeAsync("[data-testid='outcome-banner']", "data-outcome"));
        Assert.Contains("AP-READY", await ResultCodesAsync(page));
        await ShotAsync(page, "wizard-result-desktop");
        await page.SetViewportSizeAsync(360, 740);
        await ShotAsync(page, "results-360");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EditThisAnswerAndRunAgain_KeepsTheReference_ShowsTwoAttemptsLatestFirst()
    {
        var page = await browser.NewPageAsync();
        await OpenWizardFromTriageAsync(page, "application-rejected");
        await FillPersonalAsync(page, MistypedId);
        await page.ClickAsync("[data-testid='wizard-next']");
        await FillBankAsync(page, "看起来是中国农业银行借记卡");
        await page.ClickAsync("[data-testid='wizard-next']");
        await page.CheckAsync("[data-testid='field-walletClass-2']");
        await Field(page, "application.attemptsLast24h").FillAsync("1");
        await Field(page, "application.rejectionMessage").FillAsync("身份信息校验未通过");
        var reference = await SubmitAsync(page);
        Assert.Equal("fix-and-retry", await page.GetAttributeAsync("[data-testid='outcome-banner']", "data-outcome"));
        // One attempt: nothing to compare yet, so the person sees no list.
        Assert.Equal(0, await page.Locator("[data-testid='attempts']").CountAsync());

        await page.ClickAsync("[data-testid='finding-PI-ID-CHECKSUM'] [data-testid='edit-answer']");
        await page.Locator("[data-testid='wizard-state'][data-restored='true'][data-step='personal']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Field(page, "personal.idNumber").FillAsync(GoodId);
        await FieldFinding(page, "personal.idNumber", "PI-ID-CHECKSUM").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.ClickAsync("[data-testid='step-tab-application']");
        await page.Locator("[data-testid='step-application']").WaitForAsync();
        var again = await SubmitAsync(page);

        Assert.Equal(reference, again);
        Assert.Equal("ready", await page.GetAttributeAsync("[data-testid='outcome-banner']", "data-outcome"));
        var attempts = page.Locator("[data-testid='attempts'] li");
        await Assertions.Expect(attempts).ToHaveCountAsync(2);
        Assert.Equal("attempt-2", await attempts.Nth(0).GetAttributeAsync("data-testid"));
        Assert.Equal("ready", await attempts.Nth(0).GetAttributeAsync("data-outcome"));
        Assert.Equal("fix-and-retry", await attempts.Nth(1).GetAttributeAsync("data-outcome"));
        Assert.Contains("身份证号校验位不正确", await attempts.Nth(1).InnerTextAsync());
        await ShotAsync(page, "result-two-attempts");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Journey2_RiskMessage_ContactSupportAndAgentSeesSameMaskedFindings()
    {
        var page = await browser.NewPageAsync(width: 360, height: 740);
        await OpenWizardFromTriageAsync(page, "application-rejected");
        await FillPersonalAsync(page, GoodId);
        await page.ClickAsync("[data-testid='wizard-next']");
        await FillBankAsync(page, "看起来是中国农业银行借记卡");
        await page.ClickAsync("[data-testid='wizard-next']");
        await Field(page, "application.rejectionMessage").FillAsync("因风控原因，暂无法为您开立钱包");
        await FieldFinding(page, "application.rejectionMessage", "AP-RISK-HOLD").WaitForAsync();
        await ShotAsync(page, "wizard-step-360");

        var reference = await SubmitAsync(page);

        Assert.Equal("contact-support", await page.GetAttributeAsync("[data-testid='outcome-banner']", "data-outcome"));
        var shown = await ResultCodesAsync(page);
        Assert.Contains("AP-RISK-HOLD", shown);
        await page.Context.CloseAsync();

        using var agent = await browser.Factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        var stored = await (await agent.GetAsync($"/api/v1/diagnoses/{reference}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var codes = stored.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToList();
        Assert.Equal(shown.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        var input = stored.GetProperty("input");
        Assert.Equal("110105********002X", input.GetProperty("personal").GetProperty("idNumber").GetString());
        Assert.DoesNotContain(GoodId, stored.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("6228480402564890018", stored.GetRawText().Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_MidWizard_KeepsTheAnswers()
    {
        var page = await browser.NewPageAsync();
        await OpenWizardFromTriageAsync(page, "application-rejected");
        await Field(page, "personal.name").FillAsync("张三");
        await Field(page, "personal.idNumber").FillAsync(MistypedId);
        await page.ClickAsync("[data-testid='wizard-next']");
        await page.Locator("[data-testid='wizard-state'][data-step='bank']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Field(page, "bank.branch").FillAsync("中国农业银行北京朝阳支行");
        // The answers reach the tab's storage once typing pauses (DiagnoseWizard.SaveDelayMilliseconds): wait for that save.
        await page.WaitForWizardSavedAsync();

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid='wizard-state'][data-restored='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        Assert.Equal("bank", await page.GetAttributeAsync("[data-testid='wizard-state']", "data-step"));
        Assert.Equal("中国农业银行北京朝阳支行", await Field(page, "bank.branch").InputValueAsync());
        await page.ClickAsync("[data-testid='step-tab-personal']");
        Assert.Equal("张三", await Field(page, "personal.name").InputValueAsync());
        Assert.Equal(MistypedId, await Field(page, "personal.idNumber").InputValueAsync());
        // The restored answers are checked again at once.
        await FieldFinding(page, "personal.idNumber", "PI-ID-CHECKSUM").WaitForAsync();

        // The full number lives only in the browser, encrypted: never in the storage in clear text.
        var stored = await page.EvaluateAsync<string>("JSON.stringify(sessionStorage)");
        Assert.DoesNotContain(MistypedId, stored, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Journey1_English_EndToEnd()
    {
        var page = await browser.NewPageAsync(locale: "en-US");
        await page.GotoInteractiveAsync("/diagnose");
        await page.ClickAsync("[data-testid='lang-en']");
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        await page.WaitForInteractiveAsync();
        Assert.Contains("Application rejected", await page.InnerTextAsync("[data-testid='symptom-application-rejected']"));
        await OpenWizardFromTriageAsync(page, "application-rejected");

        await FillPersonalAsync(page, MistypedId);
        var checksum = FieldFinding(page, "personal.idNumber", "PI-ID-CHECKSUM");
        await checksum.WaitForAsync();
        Assert.Contains("should be X", await checksum.InnerTextAsync());
        await Field(page, "personal.idNumber").FillAsync(GoodId);
        await checksum.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.ClickAsync("[data-testid='wizard-next']");
        await FillBankAsync(page, "Agricultural Bank of China debit card");
        await page.ClickAsync("[data-testid='wizard-next']");
        await page.CheckAsync("[data-testid='field-walletClass-2']");
        await Field(page, "application.attemptsLast24h").FillAsync("1");

        await SubmitAsync(page);

        Assert.Equal("ready", await page.GetAttributeAsync("[data-testid='outcome-banner']", "data-outcome"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await ShotAsync(page, "wizard-result-en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EditThisAnswer_FromResult_ReopensTheFieldWithAnswers()
    {
        var page = await browser.NewPageAsync();
        await OpenWizardFromTriageAsync(page, "application-rejected");
        await FillPersonalAsync(page, MistypedId);
        await page.ClickAsync("[data-testid='step-tab-application']");
        await SubmitAsync(page);
        Assert.Equal("fix-and-retry", await page.GetAttributeAsync("[data-testid='outcome-banner']", "data-outcome"));

        await page.GotoInteractiveAsync("/diagnose/application-rejected?edit=personal.idNumber");
        await page.Locator("[data-testid='wizard-state'][data-restored='true'][data-step='personal']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(MistypedId, await Field(page, "personal.idNumber").InputValueAsync());
        await Assertions.Expect(page.Locator("#field-personal-idNumber")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }
}

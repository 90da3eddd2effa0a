using System.Globalization;
using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>
/// Issue 10 item 14: axe-core over every page of PRODUCT.md's route table that the app has, in both languages, in the
/// states people meet — empty forms, a wizard field with a finding, each result outcome, FAQ search with and without
/// results, account forms with an error, and signed in as agent and as admin — 0 critical and 0 serious violations.
/// The shared app and browser (one server per run); one page per role and language that navigates between the states.
/// A few key pages are scanned again at 360 px. The maintenance banner and the "wait" answer it leads to are scanned
/// in <see cref="ServiceBannerBrowserTests"/>, which already runs an app with an active window.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser)
{
    internal static async Task UseLanguageAsync(IPage page, string language)
    {
        await page.GotoAsync($"/culture?c={language}&redirectUri=/");
        await page.WaitForInteractiveAsync();
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("[data-testid='login-submit']");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
    }

    /// <summary>
    /// "Start over", waiting until the tab's saved answers are cleared (the marker counts it like a save): a page
    /// opened at once after the click could otherwise still find the answers and restore them (a later visit of the
    /// same wizard opened on the step it was left on).
    /// </summary>
    private static async Task StartOverAsync(IPage page)
    {
        var marker = page.Locator("[data-testid='wizard-state']");
        var before = await marker.GetAttributeAsync("data-saves") ?? "0";
        await page.ClickAsync("[data-testid='wizard-start-over']");
        await page.Locator($"[data-testid='wizard-state']:not([data-saves='{before}'])").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task VisitAsync(AxeAudit audit, IPage page, string path, string state)
    {
        await page.GotoInteractiveAsync(path);
        await audit.ScanAsync(page, state);
    }

    private static string Request(string rejection, int attempts = 1, string bank = "中国农业银行", bool card = true)
    {
        var last = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var cardJson = card ? "\"cardNumber\": \"6228 4804 0256 4890 018\"," : "";
        return $$"""
            { "symptom": "application-rejected", "walletClass": 2,
              "personal": { "name": "张三", "idNumber": "11010519491231002X", "phone": "13800138000", "birthDate": "1949-12-31",
                            "gender": "female", "idExpiry": "long-term", "phoneIsOwnRealName": true, "recentlyChangedIdentity": false },
              "bank": { {{cardJson}} "bankName": "{{bank}}", "cardType": "debit", "holderName": "张三", "reservedPhone": "13800138000",
                        "branch": "中国农业银行北京朝阳支行", "cardStatus": "normal", "accountClass": 1 },
              "application": { "attemptsLast24h": {{attempts}}, "lastAttemptAt": "{{last}}", "rejectionMessage": "{{rejection}}",
                               "networkCheck": "ok", "identityStatus": "verified", "accountFrozen": false } }
            """;
    }

    /// <summary>One diagnosis per outcome, made from the page's browser (so that browser may open them).</summary>
    private static async Task<Dictionary<string, string>> DiagnosesAsync(IPage page) => new()
    {
        ["ready"] = await ResultBrowserTests.PostFromBrowserAsync(page, Request("身份信息校验未通过")),
        ["fix-and-retry"] = await ResultBrowserTests.PostFromBrowserAsync(page, Request("身份信息校验未通过", bank: "中国工商银行")),
        ["wait"] = await ResultBrowserTests.PostFromBrowserAsync(page, Request("请稍后再试", attempts: 5)),
        ["contact-support"] = await ResultBrowserTests.PostFromBrowserAsync(page, Request("因风控原因，暂无法为您开立钱包", card: false)),
    };

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Visitor_EveryPublicPageAndState_HasNoCriticalOrSeriousViolations(string language)
    {
        var audit = new AxeAudit($"visitor {language}");
        var page = await browser.NewPageAsync(locale: language);
        await UseLanguageAsync(page, language);
        await audit.ScanAsync(page, $"{language} /");

        // Triage, then the wizard: empty, a field with a finding, the next steps, the bank field with its list.
        await VisitAsync(audit, page, "/diagnose", $"{language} /diagnose");
        await page.ClickAsync("[data-testid='app-message-risk']");
        await page.Locator("[data-testid='app-message-answer-risk']").WaitForAsync();
        await audit.ScanAsync(page, $"{language} /diagnose risk-message answer");
        await page.GotoInteractiveAsync("/diagnose/application-rejected");
        await page.Locator("[data-testid='wizard-state'][data-restored='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await audit.ScanAsync(page, $"{language} wizard empty");
        await page.FillAsync("[data-testid='field-personal-idNumber']", "110105194912310023");
        await page.Locator("[data-testid='field-finding-PI-ID-CHECKSUM']").WaitForAsync();
        await audit.ScanAsync(page, $"{language} wizard with a finding");
        await page.ClickAsync("[data-testid='wizard-next']");
        await page.Locator("[data-testid='step-bank']").WaitForAsync();
        await page.FillAsync("[data-testid='field-bank-cardNumber']", "6228480402564890018");
        await page.Locator("[data-testid='card-recognised']").WaitForAsync();
        await audit.ScanAsync(page, $"{language} wizard bank step, card recognised");
        // The bank list is the browser's own datalist (native UI, outside the DOM axe sees): the field offers it.
        await page.FocusAsync("[data-testid='field-bank-bankName']");
        Assert.Equal("wh-bank-names", await page.GetAttributeAsync("[data-testid='field-bank-bankName']", "list"));
        Assert.True(await page.Locator("[data-testid='bank-name-list'] option").CountAsync() > 10);
        await audit.ScanAsync(page, $"{language} wizard bank field with its list");
        await page.Keyboard.PressAsync("Escape");
        await page.ClickAsync("[data-testid='wizard-next']");
        await page.Locator("[data-testid='step-application']").WaitForAsync();
        await page.FillAsync("[data-testid='field-application-rejectionMessage']", "因风控原因，暂无法为您开立钱包");
        await page.Locator("[data-testid='field-finding-AP-RISK-HOLD']").WaitForAsync();
        await audit.ScanAsync(page, $"{language} wizard application step with a finding");
        await StartOverAsync(page);
        // The transaction step (transaction-failed asks the application step first; ?edit= opens a field's step).
        await page.GotoInteractiveAsync("/diagnose/transaction-failed?edit=transaction.amount");
        await page.Locator("[data-testid='step-transaction']").WaitForAsync();
        await audit.ScanAsync(page, $"{language} wizard transaction step");
        await StartOverAsync(page);

        // Each result outcome, as its owner sees it.
        var references = await DiagnosesAsync(page);
        foreach (var (outcome, reference) in references)
        {
            await VisitAsync(audit, page, $"/diagnoses/{reference}", $"{language} result {outcome}");
        }
        await VisitAsync(audit, page, "/diagnoses/WH-ZZZZ-ZZZZ", $"{language} result not found");

        // FAQ: index, search with and without results, an article, an unknown one.
        await VisitAsync(audit, page, "/faq", $"{language} /faq");
        await page.FillAsync("[data-testid='faq-search'] input", language == "en" ? "card" : "银行卡");
        await page.Locator("[data-testid='faq-result']").First.WaitForAsync(new() { Timeout = 30_000 });
        await audit.ScanAsync(page, $"{language} /faq search with results");
        await page.FillAsync("[data-testid='faq-search'] input", "zzzqqq");
        await page.Locator("[data-testid='faq-empty']").WaitForAsync(new() { Timeout = 30_000 });
        await audit.ScanAsync(page, $"{language} /faq search without results");
        await VisitAsync(audit, page, "/faq/card-binding", $"{language} /faq/card-binding");
        await VisitAsync(audit, page, "/faq/no-such-article", $"{language} /faq unknown article");
        await VisitAsync(audit, page, "/status", $"{language} /status");
        await VisitAsync(audit, page, "/no-such-page", $"{language} not found");

        // Account forms (static server rendering), empty and with an error.
        await page.GotoAsync("/Account/Login");
        await audit.ScanAsync(page, $"{language} /Account/Login");
        await page.FillAsync("#Input\\.Email", "nobody@test.local");
        await page.FillAsync("#Input\\.Password", "wrong-password");
        await page.ClickAsync("[data-testid='login-submit']");
        await page.Locator(".validation-message, .alert, [role='alert']").First.WaitForAsync();
        await audit.ScanAsync(page, $"{language} /Account/Login wrong password");
        await page.GotoAsync("/Account/Register");
        await audit.ScanAsync(page, $"{language} /Account/Register");
        await page.GotoAsync("/Account/ForgotPassword");
        await audit.ScanAsync(page, $"{language} /Account/ForgotPassword");

        // A phone: the key pages again at 360 px (layout, menus and wrapped text change).
        await page.SetViewportSizeAsync(360, 780);
        await VisitAsync(audit, page, "/", $"{language} 360px /");
        await VisitAsync(audit, page, "/diagnose", $"{language} 360px /diagnose");
        await page.GotoInteractiveAsync("/diagnose/application-rejected");
        await page.Locator("[data-testid='wizard-state'][data-restored='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.FillAsync("[data-testid='field-personal-idNumber']", "110105194912310023");
        await page.Locator("[data-testid='field-finding-PI-ID-CHECKSUM']").WaitForAsync();
        await audit.ScanAsync(page, $"{language} 360px wizard with a finding");
        await StartOverAsync(page);
        await VisitAsync(audit, page, $"/diagnoses/{references["contact-support"]}", $"{language} 360px result contact-support");
        await VisitAsync(audit, page, $"/diagnoses/{references["ready"]}", $"{language} 360px result ready");
        await VisitAsync(audit, page, "/faq", $"{language} 360px /faq");
        await page.ClickAsync("[data-testid='menu-button']");
        await page.Locator("[data-testid='nav']").WaitForAsync();
        await audit.ScanAsync(page, $"{language} 360px menu open");

        await page.Context.CloseAsync();
        audit.AssertNoCriticalOrSerious();
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Agent_ConsoleCaseAndOwnPages_HaveNoCriticalOrSeriousViolations(string language)
    {
        var audit = new AxeAudit($"agent {language}");
        var page = await browser.NewPageAsync(locale: language);
        await UseLanguageAsync(page, language);
        var references = await DiagnosesAsync(page);
        await SignInAsync(page, WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);

        await VisitAsync(audit, page, "/agent", $"{language} /agent");
        await page.FillAsync("[data-testid='agent-reference'] input, input[data-testid='agent-reference']", "WH-ZZZZ-ZZZZ");
        await page.ClickAsync("[data-testid='agent-open']");
        await page.Locator(".mud-input-error").First.WaitForAsync();
        await audit.ScanAsync(page, $"{language} /agent unknown reference");
        await VisitAsync(audit, page, $"/agent/cases/{references["contact-support"]}", $"{language} /agent/cases contact-support");
        await page.FillAsync("[data-testid='case-note'] textarea, textarea[data-testid='case-note']", "用户已准备身份证");
        await page.ClickAsync("[data-testid='case-save-note']");
        await page.Locator("[data-testid='case-notes'] li").First.WaitForAsync();
        await audit.ScanAsync(page, $"{language} /agent/cases with a note");
        await VisitAsync(audit, page, $"/agent/cases/{references["wait"]}", $"{language} /agent/cases wait");
        await VisitAsync(audit, page, "/agent/assist", $"{language} /agent/assist");
        await VisitAsync(audit, page, "/agent/guide", $"{language} /agent/guide");
        await page.ClickAsync("[data-testid='guide-symptom-application-rejected']");
        await page.Locator("[data-testid='guide-script'][data-step='personal']").WaitForAsync();
        await audit.ScanAsync(page, $"{language} /agent/guide step with script");
        // Staff see the result page with rule codes.
        await VisitAsync(audit, page, $"/diagnoses/{references["fix-and-retry"]}", $"{language} result fix-and-retry as agent");
        await VisitAsync(audit, page, "/my/diagnoses", $"{language} /my/diagnoses");
        await page.GotoAsync("/admin");
        await audit.ScanAsync(page, $"{language} /admin as agent (access denied)");
        await page.GotoAsync("/Account/Manage");
        await audit.ScanAsync(page, $"{language} /Account/Manage");

        await page.Context.CloseAsync();
        audit.AssertNoCriticalOrSerious();
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Admin_EveryAdministrationPage_HasNoCriticalOrSeriousViolations(string language)
    {
        var audit = new AxeAudit($"admin {language}");
        var page = await browser.NewPageAsync(locale: language);
        await UseLanguageAsync(page, language);
        await SignInAsync(page, WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);

        await VisitAsync(audit, page, "/admin", $"{language} /admin");
        await VisitAsync(audit, page, "/admin/faq", $"{language} /admin/faq");
        await VisitAsync(audit, page, "/admin/faq/new", $"{language} /admin/faq/new");
        await VisitAsync(audit, page, "/admin/faq/1", $"{language} /admin/faq/1 editor");
        await VisitAsync(audit, page, "/admin/faq/1/history", $"{language} /admin/faq/1/history");
        await VisitAsync(audit, page, "/admin/faq/categories", $"{language} /admin/faq/categories");
        await VisitAsync(audit, page, "/admin/faq/synonyms", $"{language} /admin/faq/synonyms");
        await VisitAsync(audit, page, "/admin/status", $"{language} /admin/status");
        await VisitAsync(audit, page, "/admin/rules", $"{language} /admin/rules");
        await VisitAsync(audit, page, "/admin/bins", $"{language} /admin/bins");
        await VisitAsync(audit, page, "/admin/audit", $"{language} /admin/audit");
        await VisitAsync(audit, page, "/admin/users", $"{language} /admin/users");
        await VisitAsync(audit, page, "/admin/analytics", $"{language} /admin/analytics");
        await VisitAsync(audit, page, "/agent", $"{language} /agent as admin");

        await page.Context.CloseAsync();
        audit.AssertNoCriticalOrSerious();
    }
}

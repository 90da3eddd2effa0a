using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>
/// Issue 10 item 14: axe-core over every page of PRODUCT.md's route table that exists, in both languages, in the states
/// people meet (empty form, a field with a finding, each result outcome, FAQ search with and without results, signed in as
/// agent and admin): no critical and no serious violations. One browser, the shared app, one page per role.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser)
{
    private readonly List<string> problems = [];

    private static string ReportPath => Path.Combine(BrowserFixture.ScreenshotFolder, "..", "axe-report.txt");

    private async Task ScanAsync(IPage page, string state)
    {
        var result = await page.RunAxe();
        foreach (var violation in result.Violations.Where(v => v.Impact is "critical" or "serious"))
        {
            var targets = string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()));
            problems.Add($"{state}: {violation.Impact} {violation.Id} — {violation.Help} [{targets}]");
        }
        File.AppendAllText(ReportPath, $"{state}: {result.Violations.Count(v => v.Impact is "critical" or "serious")} critical/serious\n");
    }

    private async Task VisitAsync(IPage page, string path, string state)
    {
        await page.GotoInteractiveAsync(path);
        await ScanAsync(page, state);
    }

    private static async Task UseLanguageAsync(IPage page, string language)
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
        await page.WaitForInteractiveAsync();
    }

    private static string Request(string rejection, int attempts = 1, string bank = "中国农业银行", bool card = true)
    {
        var last = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
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

    [Fact]
    public async Task EveryPage_BothLanguages_HasNoCriticalOrSeriousViolations()
    {
        File.WriteAllText(ReportPath, "");
        foreach (var language in new[] { "zh-CN", "en" })
        {
            // Chinese: every page and state. English: the same pages (the layout and texts differ), fewer extra states.
            var full = language == "zh-CN";
            // Visitor: public pages, the wizard (empty and with a finding), each result outcome, FAQ states.
            var page = await browser.NewPageAsync();
            await UseLanguageAsync(page, language);
            await ScanAsync(page, $"{language} /");
            await VisitAsync(page, "/diagnose", $"{language} /diagnose");
            await VisitAsync(page, "/diagnose/application-rejected", $"{language} wizard empty");
            await page.Locator("[data-testid='wizard-state'][data-restored='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.FillAsync("[data-testid='field-personal-idNumber']", "110105194912310023");
            await page.Locator("[data-testid='field-finding-PI-ID-CHECKSUM']").WaitForAsync();
            await ScanAsync(page, $"{language} wizard with a finding");
            if (full)
            {
                await page.ClickAsync("[data-testid='wizard-next']");
                await page.Locator("[data-testid='step-bank']").WaitForAsync();
                await ScanAsync(page, $"{language} wizard bank step");
            }

            var references = new Dictionary<string, string>
            {
                ["ready"] = await ResultBrowserTests.PostFromBrowserAsync(page, Request("身份信息校验未通过")),
                ["fix-and-retry"] = await ResultBrowserTests.PostFromBrowserAsync(page, Request("身份信息校验未通过", bank: "中国工商银行")),
                ["wait"] = await ResultBrowserTests.PostFromBrowserAsync(page, Request("请稍后再试", attempts: 5)),
                ["contact-support"] = await ResultBrowserTests.PostFromBrowserAsync(page, Request("因风控原因暂无法开通", card: false)),
            };
            foreach (var (outcome, reference) in references.Where(r => full || r.Key is "contact-support" or "ready"))
            {
                await VisitAsync(page, $"/diagnoses/{reference}", $"{language} result {outcome}");
            }
            await VisitAsync(page, "/faq", $"{language} /faq");
            await page.FillAsync("[data-testid='faq-search'] input", "银行卡");
            await page.Locator("[data-testid='faq-result']").First.WaitForAsync(new() { Timeout = 30_000 });
            await ScanAsync(page, $"{language} /faq search");
            await page.FillAsync("[data-testid='faq-search'] input", "zzzqqq");
            await page.Locator("[data-testid='faq-empty']").WaitForAsync(new() { Timeout = 30_000 });
            await ScanAsync(page, $"{language} /faq no results");
            await VisitAsync(page, "/faq/card-binding", $"{language} /faq/card-binding");
            if (full) await VisitAsync(page, "/faq/no-such-article", $"{language} /faq unknown");
            await VisitAsync(page, "/status", $"{language} /status");
            await page.GotoAsync("/Account/Login");
            await ScanAsync(page, $"{language} /Account/Login");
            if (full)
            {
                await page.GotoAsync("/Account/Register");
                await ScanAsync(page, $"{language} /Account/Register");
            }

            // Agent.
            var agent = await browser.NewPageAsync();
            await UseLanguageAsync(agent, language);
            await SignInAsync(agent, WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
            await VisitAsync(agent, "/agent", $"{language} /agent");
            await VisitAsync(agent, $"/agent/cases/{references["contact-support"]}", $"{language} /agent/cases");
            if (full) await VisitAsync(agent, "/my/diagnoses", $"{language} /my/diagnoses");

            // Admin.
            var admin = await browser.NewPageAsync();
            await UseLanguageAsync(admin, language);
            await SignInAsync(admin, WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
            await VisitAsync(admin, "/admin/faq", $"{language} /admin/faq");
            await VisitAsync(admin, "/admin/faq/synonyms", $"{language} /admin/faq/synonyms");
            if (full)
            {
                await VisitAsync(admin, "/admin/faq/categories", $"{language} /admin/faq/categories");
                await VisitAsync(admin, "/admin/faq/new", $"{language} /admin/faq/new");
            }
            await VisitAsync(admin, "/admin/status", $"{language} /admin/status");

            await page.Context.CloseAsync();
            await agent.Context.CloseAsync();
            await admin.Context.CloseAsync();
        }

        var report = new StringBuilder().AppendJoin('\n', problems).ToString();
        File.AppendAllText(ReportPath, report + "\n");
        Assert.True(problems.Count == 0, "axe found critical or serious violations:\n" + report);
    }
}

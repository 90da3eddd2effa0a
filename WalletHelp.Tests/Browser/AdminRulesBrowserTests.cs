using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>An admin lowers a wallet-class limit, tries it, saves it, and the next diagnosis uses it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminRulesBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task RuleParameters_AdminLowersClass4PaymentLimit_NextDiagnosisUsesIt()
    {
        // Own app: a changed limit would change other tests' diagnoses.
        await using var app = new WalletHelpFactory().UseRealPort();
        var baseUrl = BrowserFixture.Start(app);
        var page = await browser.NewPageAsync(baseUrl: baseUrl);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", WalletHelpFactory.AdminEmail);
        await page.FillAsync("#Input\\.Password", WalletHelpFactory.AdminPassword);
        await page.ClickAsync("[data-testid='login-submit']");
        await page.WaitForInteractiveAsync();
        await page.GotoInteractiveAsync("/admin/rules");
        Assert.Equal("0", await page.GetAttributeAsync("[data-testid='rules-current']", "data-set"));

        await page.FillAsync("#rules-class4-perPayment", "1000");
        await page.PressAsync("#rules-class4-perPayment", "Tab");
        // Try it (default sample: a class 4 payment of 1,500): only the draft blocks it.
        await page.ClickAsync("[data-testid='try-run']");
        await page.Locator("[data-testid='try-draft'] [data-code='TX-LIMIT-SINGLE'][data-only-here='true']").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid='try-current'] [data-code='TX-LIMIT-SINGLE']").CountAsync());

        await page.FillAsync("#rules-reason", "试点：降低匿名钱包单笔限额");
        await page.ClickAsync("[data-testid='rules-save']");
        await page.Locator("[data-testid='rules-current'][data-set='1']").WaitForAsync();
        await page.Locator("[data-testid='rules-history-row'][data-set='1']").WaitForAsync();
        await page.ScreenshotAsync("admin-rules-saved");

        var response = await page.Context.APIRequest.PostAsync("/api/v1/diagnoses", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Data = """{ "symptom": "transaction-failed", "walletClass": 4, "transaction": { "kind": "payment", "amount": 1500 } }""",
        });
        var diagnosis = (await response.JsonAsync())!.Value;
        Assert.Equal(1, diagnosis.GetProperty("parameterSet").GetInt32());
        Assert.Contains(diagnosis.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "TX-LIMIT-SINGLE");
        await page.Context.CloseAsync();
    }
}

using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data.Status;
using WalletHelp.Web.Services.Status;

namespace WalletHelp.Tests.Browser;

/// <summary>Issue 10 item 5: maintenance up front on every page, and the triage's first question before any personal data.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ServiceBannerBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Maintenance_ShowsOnEveryPageAndTheTriageShortcutAnswersWithoutPersonalData()
    {
        // Own app: an active window would turn other tests' retries into "wait".
        await using var app = new WalletHelpFactory().UseRealPort();
        var baseUrl = BrowserFixture.Start(app);
        var end = DateTimeOffset.UtcNow.AddHours(2);
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ServiceStatusService>().AddMaintenanceAsync(new MaintenanceInput(
            DateTimeOffset.UtcNow.AddMinutes(-5), end, "钱包系统升级", "Wallet system upgrade"), new WalletHelp.Web.Services.Audit.AuditActor("test", "admin@test.local", null), TestContext.Current.CancellationToken);
        var endText = end.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        var page = await browser.NewPageAsync(baseUrl: baseUrl);
        // Item 14 too: the banner and the states it leads to, scanned by axe while this app has an active window.
        var audit = new AxeAudit("maintenance banner");
        foreach (var path in new[] { "/", "/diagnose", "/diagnose/application-rejected", "/faq", "/status" })
        {
            await page.GotoInteractiveAsync(path);
            var banner = await page.TextContentAsync("[data-testid='service-banner']");
            Assert.Contains("钱包系统升级", banner);
            Assert.Contains(endText, banner);
            Assert.Contains("北京时间", banner);
            if (path is "/" or "/diagnose/application-rejected" or "/status") await audit.ScanAsync(page, $"zh-CN {path} with maintenance");
        }

        await page.GotoAsync("/culture?c=en&redirectUri=/faq");
        await page.WaitForInteractiveAsync();
        var english = await page.TextContentAsync("[data-testid='service-banner']");
        Assert.Contains("Wallet system upgrade", english);
        Assert.Contains($"{endText} (Beijing time)", english);
        await audit.ScanAsync(page, "en /faq with maintenance");

        // The first question on the triage: "系统维护" goes straight to the answer, no form.
        await page.GotoInteractiveAsync("/diagnose");
        await page.ScreenshotAsync("triage-maintenance-banner-en");
        await audit.ScanAsync(page, "en /diagnose with maintenance");
        await page.ClickAsync("[data-testid='app-message-maintenance']");
        await page.WaitForURLAsync("**/diagnoses/WH-*", new() { WaitUntil = WaitUntilState.Commit, Timeout = 45_000 });
        await page.WaitForInteractiveAsync();
        Assert.Equal("wait", await page.GetAttributeAsync("[data-testid='outcome-banner']", "data-outcome"));
        Assert.Contains(endText, await page.TextContentAsync("[data-testid='outcome-banner']"));
        Assert.Equal("finding-AP-MAINTENANCE", await page.Locator("[data-testid^='finding-']").First.GetAttributeAsync("data-testid"));
        await audit.ScanAsync(page, "en result wait for maintenance");
        await page.Context.CloseAsync();
        audit.AssertNoCriticalOrSerious();
    }

    [Fact]
    public async Task NoMaintenance_NoBanner_AndTheRiskMessageAnswersContactSupportWithTheDocuments()
    {
        var page = await browser.NewPageAsync(width: 360, height: 780);
        await page.GotoInteractiveAsync("/diagnose");
        Assert.Equal(0, await page.Locator("[data-testid='service-banner']").CountAsync());

        // Asked before anything personal: the question sits above the symptom cards and no field exists yet.
        var question = await page.Locator("[data-testid='app-message-question']").BoundingBoxAsync();
        var symptoms = await page.Locator("[data-testid='symptoms']").BoundingBoxAsync();
        Assert.True(question!.Y < symptoms!.Y);
        Assert.Equal(0, await page.Locator("input").CountAsync());

        await page.ClickAsync("[data-testid='app-message-risk']");
        var answer = page.Locator("[data-testid='app-message-answer-risk']");
        await answer.WaitForAsync();
        var text = await answer.TextContentAsync();
        Assert.Contains("请联系客服", text);
        Assert.NotEmpty(await answer.Locator("[data-testid='finding-remedies'] li").AllAsync());
        Assert.Equal("app-message-risk-heading", await page.EvaluateAsync<string>("document.activeElement.dataset.testid"));
        await page.ScreenshotAsync("triage-risk-answer-360");

        // "请稍后再试" with nothing down: the short diagnosis answers "ready" with the retry steps, still no form.
        await page.ClickAsync("[data-testid='app-message-later']");
        await page.WaitForURLAsync("**/diagnoses/WH-*", new() { WaitUntil = WaitUntilState.Commit, Timeout = 45_000 });
        await page.WaitForInteractiveAsync();
        Assert.Equal("ready", await page.GetAttributeAsync("[data-testid='outcome-banner']", "data-outcome"));
        await page.Context.CloseAsync();
    }
}
